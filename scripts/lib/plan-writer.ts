/** Writes a checked plan file by file and, if any write fails, puts every file back as it was. */
import { dirname, sep } from 'node:path';
import { PlanError } from './generator-errors.js';
import type { PlanFileSystem } from './plan-file-system.js';

/** One file to write, with what it held before (null: it did not exist). */
export interface PlanWrite {
  /** For messages. */
  path: string;
  absolute: string;
  contents: string;
  previous: string | null;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Writes all changes or none; the error of a failed write says whether the rollback worked. */
export function writeAll(fs: PlanFileSystem, changes: readonly PlanWrite[]): void {
  const done: PlanWrite[] = [];
  const createdDirectories: string[] = [];
  for (const change of changes) {
    try {
      const created = fs.makeDirectory(dirname(change.absolute));
      if (created !== undefined) createdDirectories.push(created);
      fs.write(change.absolute, change.contents);
      done.push(change);
    } catch (error) {
      const leftovers = rollBack(fs, done, createdDirectories);
      const outcome =
        leftovers.length === 0
          ? 'every change was rolled back'
          : `the rollback failed for ${leftovers.join(', ')}: check them by hand`;
      throw new PlanError(`writing ${change.path} failed (${reasonOf(error)}); ${outcome}`);
    }
  }
}

/** Undoes `done` in reverse order; returns the paths it could not restore. */
function rollBack(
  fs: PlanFileSystem,
  done: readonly PlanWrite[],
  created: readonly string[],
): string[] {
  const failed: string[] = [];
  for (const change of [...done].reverse()) {
    try {
      if (change.previous === null) fs.remove(change.absolute);
      else fs.write(change.absolute, change.previous);
    } catch {
      failed.push(change.path);
    }
  }
  const directories = new Set<string>(created);
  for (const change of done) {
    for (const top of created) {
      let dir = dirname(change.absolute);
      while (dir === top || dir.startsWith(`${top}${sep}`)) {
        directories.add(dir);
        dir = dirname(dir);
      }
    }
  }
  // Deepest first, so each directory is empty by the time its parent is tried.
  for (const dir of [...directories].sort((a, b) => b.length - a.length))
    fs.removeEmptyDirectory(dir);
  return failed;
}
