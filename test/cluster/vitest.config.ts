/** `npm run test:cluster`: PM2 cluster and shutdown tests on real Postgres and Redis (not in `npm test`). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { requireServices } from './require-services.js';

requireServices();

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/cluster/**/*.spec.ts'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    pool: 'forks',
    // One suite at a time: each runs real processes and load on a 2-core machine.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
