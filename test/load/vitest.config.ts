/**
 * `npm run test:load`: the app at a steady load against real Postgres while a TCP proxy breaks
 * the connection (not in `npm test`: about two minutes, and it wants the machine to itself).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { requireServices } from '../cluster/require-services.js';

requireServices({
  suite: 'npm run test:load',
  redis: false,
  why: 'breaks a real Postgres connection through a TCP proxy (PGlite has no network)',
});

export default defineConfig({
  ssr: { resolve: { conditions: ['keel-source', 'module', 'node', 'development|production'] } },
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/load/**/*.spec.ts'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    pool: 'forks',
    // One suite at a time: each measures latency under load on a 2-core machine.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
