/** The vitest config of a long suite (`test:cluster`, `test:load`): its own folder, one file at a time. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Runs `test/<folder>/**\/*.spec.ts` from the repository root, each file alone on the machine. */
export function longSuiteConfig(folder: string) {
  return defineConfig({
    // The same source conditions as vitest.config.ts, for suites that import src/.
    ssr: { resolve: { conditions: ['keel-source', 'module', 'node', 'development|production'] } },
    test: {
      root: fileURLToPath(new URL('../..', import.meta.url)),
      include: [`test/${folder}/**/*.spec.ts`],
      setupFiles: ['test/setup.ts'],
      environment: 'node',
      pool: 'forks',
      // One suite at a time: each runs real processes and load on a 2-core machine.
      fileParallelism: false,
      testTimeout: 180_000,
      hookTimeout: 120_000,
    },
  });
}
