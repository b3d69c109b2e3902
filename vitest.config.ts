/** Vitest configuration: Vite 8 emits decorator metadata from tsconfig, so no SWC plugin. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // package.json `imports` (#core, #infra/*, #modules/*) point at src/ under `keel-source`; the
  // rest is Vite's default server condition list.
  ssr: { resolve: { conditions: ['keel-source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    teardownTimeout: 20_000,
  },
});
