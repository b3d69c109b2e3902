/** Compiles `src/` and `bench/servers/` with tsc for Node (tsc emits the decorator metadata). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { NODE_BIN, REPO_ROOT } from './runtimes.js';

/** How the build went: tsc still emits when it reports type errors. */
export interface BuildResult {
  seconds: number;
  /** Type errors tsc reported (the first lines), empty when clean. */
  errors: string[];
}

/** Runs `tsc -p bench/tsconfig.build.json` (incremental) into `bench/.build`. */
export function buildForNode(): BuildResult {
  const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const started = performance.now();
  const result = spawnSync(NODE_BIN, [tsc, '-p', 'bench/tsconfig.build.json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.error) throw new Error(`tsc could not run: ${result.error.message}`);
  const errors = `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((line) => /error TS\d+/.test(line));
  if (result.status !== 0 && errors.length === 0) {
    throw new Error(`tsc failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
  return { seconds, errors };
}
