/** The two runtimes and how each starts a bench entry: Bun runs TypeScript, Node the tsc output. */
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A JavaScript runtime the bench compares on. */
export type Runtime = 'bun' | 'node';

/** Both runtimes, Bun (the production runtime) first. */
export const RUNTIMES: readonly Runtime[] = ['bun', 'node'];

/** The repository root (servers run with it as their working directory). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `tsc -p bench/tsconfig.build.json` writes `src/` and `bench/servers/` for Node. */
export const BUILD_DIR = join(REPO_ROOT, 'bench', '.build');

/** Where the example app's Node bundle goes (what `npm run build` makes of `src/main.ts`). */
export const APP_BUNDLE_DIR = join(BUILD_DIR, 'bundle');

/** The example app's entry, which Node runs bundled, as `start:node` does. */
const APP_ENTRY = 'src/main.ts';

/** The Bun binary installed by npm (the `bun` package). */
export const BUN_BIN = join(REPO_ROOT, 'node_modules', '.bin', 'bun');

/** Node from PATH: the bench may itself run under Bun, whose `process.execPath` is Bun. */
export const NODE_BIN = 'node';

/** A command line to spawn. */
export interface Command {
  command: string;
  args: string[];
}

/**
 * How `runtime` starts `entry` (a `.ts` path relative to the repo root): Bun runs the source,
 * Node runs the tsc output, which carries `design:paramtypes` (esbuild and tsx would not); the
 * example app, the bundle of that output, as `npm run build` leaves it for `start:node`.
 */
export function commandFor(runtime: Runtime, entry: string, runtimeArgs: string[] = []): Command {
  if (runtime === 'bun') return { command: BUN_BIN, args: [...runtimeArgs, entry] };
  if (entry === APP_ENTRY) {
    return { command: NODE_BIN, args: [...runtimeArgs, join(APP_BUNDLE_DIR, 'main.js')] };
  }
  const compiled = join(BUILD_DIR, entry.replace(/\.ts$/, '.js'));
  return { command: NODE_BIN, args: [...runtimeArgs, compiled] };
}

/** `bun --version` / `node --version`, for the results header. */
export function runtimeVersion(runtime: Runtime): string {
  const binary = runtime === 'bun' ? BUN_BIN : NODE_BIN;
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  return runtime === 'bun' ? `bun ${version}` : `node ${version.replace(/^v/, '')}`;
}
