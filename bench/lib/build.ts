/** Compiles `src/` and `bench/servers/` with tsc for Node (tsc emits the decorator metadata). */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleForNode } from '../../scripts/lib/node-bundle.js';
import { APP_BUNDLE_DIR, BUILD_DIR, NODE_BIN, REPO_ROOT } from './runtimes.js';

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

/**
 * Bundles the example app's tsc output as `npm run build` does (`start:node` runs that bundle),
 * into `bench/.build/bundle`; returns the seconds it took.
 */
export async function bundleAppForNode(): Promise<number> {
  const started = performance.now();
  rmSync(APP_BUNDLE_DIR, { recursive: true, force: true });
  await bundleForNode({ entry: join(BUILD_DIR, 'src', 'main.js'), outdir: APP_BUNDLE_DIR });
  return (performance.now() - started) / 1000;
}
