/** The few file operations a file plan needs, behind an interface so tests can make them fail. */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';

/** Synchronous file access used by FilePlan; paths are absolute. */
export interface PlanFileSystem {
  /** `file`, `directory` or null when nothing is there. */
  kind(path: string): 'file' | 'directory' | null;
  read(path: string): string;
  /** Writes through a temporary file and a rename, so readers never see half a file. */
  write(path: string, contents: string): void;
  remove(path: string): void;
  /** Creates missing directories; returns the first one it created, if any. */
  makeDirectory(path: string): string | undefined;
  /** Removes a directory if it is empty. */
  removeEmptyDirectory(path: string): void;
}

/** The real file system. */
export const nodeFileSystem: PlanFileSystem = {
  kind: (path) => {
    if (!existsSync(path)) return null;
    return statSync(path).isDirectory() ? 'directory' : 'file';
  },
  read: (path) => readFileSync(path, 'utf8'),
  write: (path, contents) => {
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, contents);
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  },
  remove: (path) => rmSync(path, { force: true }),
  makeDirectory: (path) => mkdirSync(path, { recursive: true }),
  removeEmptyDirectory: (path) => {
    try {
      rmdirSync(path);
    } catch {
      // Not empty (or already gone): leave it as it is.
    }
  },
};
