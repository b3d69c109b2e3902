/** Collects the files a command writes, checks them all, then writes all or nothing. */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { GeneratorError, PlanError } from './generator-errors.js';
import { nodeFileSystem, type PlanFileSystem } from './plan-file-system.js';
import { type PlanWrite, writeAll } from './plan-writer.js';

/** Where files go and how conflicts are treated. */
export interface FilePlanOptions {
  /** Plan paths are relative to this directory and may not leave it. */
  root: string;
  /** Overwrite files that exist instead of refusing. */
  force?: boolean;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  fileSystem?: PlanFileSystem;
}

/** What happens to one file: `overwrite` replaces a file (`--force`), `update` edits one. */
export type ChangeKind = 'create' | 'overwrite' | 'update' | 'unchanged';

/** One file of a checked plan. */
export interface PlannedChange {
  /** Relative to the root, with `/` separators. */
  path: string;
  kind: ChangeKind;
  contents: string;
}

/** What `apply()` did. */
export interface PlanResult {
  dryRun: boolean;
  /** False in a dry run: the changes are what would have happened. */
  written: boolean;
  changes: PlannedChange[];
}

type Entry =
  | { type: 'file'; path: string; contents: string }
  | { type: 'edit'; path: string; change: (current: string) => string };

interface Checked extends PlanWrite {
  /** Planned with `add` (so replacing it is an overwrite, not an edit). */
  added: boolean;
}

function kindOf(file: Checked): ChangeKind {
  if (file.previous === null) return 'create';
  if (file.previous === file.contents) return 'unchanged';
  return file.added ? 'overwrite' : 'update';
}

/** A set of file creations and edits that is validated as a whole before anything is written. */
export class FilePlan {
  private readonly entries: Entry[] = [];
  private readonly root: string;
  private readonly fs: PlanFileSystem;

  constructor(private readonly options: FilePlanOptions) {
    this.root = resolve(options.root);
    this.fs = options.fileSystem ?? nodeFileSystem;
  }

  /** Plans a new file (an existing one is an error unless `force`). */
  add(path: string, contents: string): this {
    this.entries.push({ type: 'file', path, contents });
    return this;
  }

  /** Plans an edit of an existing or earlier planned file; `change` throws a GeneratorError to refuse. */
  edit(path: string, change: (current: string) => string): this {
    this.entries.push({ type: 'edit', path, change });
    return this;
  }

  /** Checks every entry and computes final contents; a PlanError lists every problem at once. */
  resolve(): PlannedChange[] {
    return this.check().map((file) => ({
      path: file.path,
      kind: kindOf(file),
      contents: file.contents,
    }));
  }

  /** Resolves, then writes every change (nothing in a dry run); a failed write is rolled back. */
  apply(): PlanResult {
    const files = this.check();
    const changes = files.map((file) => ({
      path: file.path,
      kind: kindOf(file),
      contents: file.contents,
    }));
    if (this.options.dryRun) return { dryRun: true, written: false, changes };
    writeAll(
      this.fs,
      files.filter((file) => kindOf(file) !== 'unchanged'),
    );
    return { dryRun: false, written: true, changes };
  }

  private check(): Checked[] {
    const problems: string[] = [];
    const existing: string[] = [];
    const files = new Map<string, Checked>();
    for (const entry of this.entries) {
      try {
        const absolute = this.absolute(entry.path);
        const planned = files.get(absolute);
        if (entry.type === 'edit')
          files.set(absolute, this.checkEdit(absolute, entry.change, planned));
        else if (planned !== undefined) throw new PlanError('planned twice');
        else if (this.fs.kind(absolute) === 'file' && !this.options.force)
          existing.push(entry.path);
        else files.set(absolute, this.checkFile(absolute, entry.contents));
      } catch (error) {
        if (!(error instanceof GeneratorError)) throw error;
        problems.push(`${entry.path}: ${error.message}`);
      }
    }
    if (existing.length > 0) {
      const count =
        existing.length === 1 ? 'a file already exists' : `${existing.length} files already exist`;
      problems.unshift(`${count} (use --force to overwrite): ${existing.join(', ')}`);
    }
    if (problems.length > 0)
      throw new PlanError(`nothing was written:\n  - ${problems.join('\n  - ')}`);
    return [...files.values()];
  }

  private absolute(path: string): string {
    const absolute = resolve(this.root, path);
    const inside = relative(this.root, absolute);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new PlanError(`the path leaves ${this.root}`);
    }
    return absolute;
  }

  private display(absolute: string): string {
    return relative(this.root, absolute).split(sep).join('/');
  }

  private checkFile(absolute: string, contents: string): Checked {
    const kind = this.fs.kind(absolute);
    if (kind === 'directory') throw new PlanError('a directory is in the way');
    for (let dir = dirname(absolute); dir !== this.root; dir = dirname(dir)) {
      if (this.fs.kind(dir) === 'file')
        throw new PlanError(`${this.display(dir)} is a file, not a directory`);
    }
    const previous = kind === 'file' ? this.fs.read(absolute) : null;
    return { path: this.display(absolute), absolute, contents, previous, added: true };
  }

  private checkEdit(
    absolute: string,
    change: (current: string) => string,
    planned: Checked | undefined,
  ): Checked {
    if (planned !== undefined) return { ...planned, contents: change(planned.contents) };
    if (this.fs.kind(absolute) !== 'file')
      throw new PlanError('cannot edit a file that does not exist');
    const previous = this.fs.read(absolute);
    const contents = change(previous);
    return { path: this.display(absolute), absolute, contents, previous, added: false };
  }
}
