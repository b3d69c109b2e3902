/** A throwaway copy of the project to run the generator in, so tests never write into the repo. */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  type Dirent,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository the tests run from. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

// What a fresh clone needs to generate, typecheck, lint and run a module's API test.
const COPIED = [
  'src',
  'scripts',
  'drizzle',
  'test/helpers',
  'test/setup.ts',
  'package.json',
  'tsconfig.json',
  'drizzle.config.ts',
  'vitest.config.ts',
  'biome.json',
  // Biome reads the ignore file its vcs setting points at.
  '.gitignore',
];

/** The output of a command run in the copy. */
export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A project copy in the system's temporary folder, with the repo's node_modules linked in. */
export class ProjectCopy {
  private constructor(readonly root: string) {}

  /** Copies the project; remove it with `remove()`. */
  static create(): ProjectCopy {
    const root = mkdtempSync(join(tmpdir(), 'keel-generate-'));
    for (const path of COPIED) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      cpSync(join(PROJECT_ROOT, path), join(root, path), { recursive: true });
    }
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    return new ProjectCopy(root);
  }

  /** Runs a binary of node_modules/.bin in the copy (no shell), colours off. */
  run(binary: string, args: readonly string[], timeoutMs = 120_000): CommandResult {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    // The outer vitest's worker settings must not leak into a vitest started inside the copy.
    for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
    const result: SpawnSyncReturns<string> = spawnSync(
      join(this.root, 'node_modules', '.bin', binary),
      args,
      { cwd: this.root, env, encoding: 'utf8', timeout: timeoutMs },
    );
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** `bun scripts/generate.ts ...args`. */
  generate(...args: string[]): CommandResult {
    return this.run('bun', ['scripts/generate.ts', ...args], 60_000);
  }

  /** The text of a file of the copy. */
  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }

  /** Every file under `dir` (relative to the copy), sorted. */
  files(dir: string): string[] {
    const base = join(this.root, dir);
    return (readdirSync(base, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(base.length + 1))
      .sort();
  }

  /** A fingerprint of every file but node_modules: equal before and after means nothing changed. */
  fingerprint(): string {
    const hash = createHash('sha256');
    for (const dir of ['src', 'test', 'drizzle']) {
      for (const file of this.files(dir))
        hash.update(`${dir}/${file}\0${this.read(`${dir}/${file}`)}\0`);
    }
    return hash.digest('hex');
  }

  /** `preferred`, or `preferred-probe`, `-trial`... when the project already has that module. */
  freeModuleName(preferred: string): string {
    const taken = (name: string) =>
      ['src/modules', 'test/modules'].some((dir) => existsSync(join(this.root, dir, name)));
    const name = ['', '-probe', '-trial', '-check']
      .map((suffix) => `${preferred}${suffix}`)
      .find((candidate) => !taken(candidate));
    if (name === undefined) throw new Error(`every variant of "${preferred}" is taken`);
    return name;
  }

  /** Deletes the copy (the linked node_modules stays untouched). */
  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
