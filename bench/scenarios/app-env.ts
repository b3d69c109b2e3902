/** The example app in the bench: its environment (production logs, explicit adapters), seeding. */
import { testPrivateKeyEnv } from '../../test/helpers/test-signing-key.js';
import { httpRequest } from '../lib/http-probe.js';
import type { ServerProcess } from '../lib/server-process.js';

/** Variables for `src/main.ts`; `overrides` wins. Empty strings count as unset for the app. */
export function appEnv(
  overrides: Record<string, string | undefined>,
): Record<string, string | undefined> {
  return {
    NODE_ENV: 'production',
    // Warnings only: a log line per request would measure the terminal, not the server.
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    API_PREFIX: '',
    DATABASE_URL: 'pglite://memory',
    DB_MIGRATE: 'true',
    REDIS_URL: '',
    CACHE_DRIVER: 'memory',
    BUS_DRIVER: 'memory',
    CACHE_PREFIX: `keel-bench:${process.pid}:`,
    CORS_ORIGINS: '',
    WS_ORIGINS: '',
    WEB_CONCURRENCY: '',
    // Production refuses to sign with a key of its own making; every bench process shares this one.
    AUTH_PRIVATE_KEY: testPrivateKeyEnv(),
    ...overrides,
  };
}

/** Where the example app is, and the route that answers once it is ready. */
export const APP = { entry: 'src/main.ts', probePath: '/health/live' } as const;

/** Creates a user through the API and returns its id (the cache fills on the first GET). */
export async function seedUser(server: ServerProcess): Promise<string> {
  const email = `bench-${process.pid}-${Date.now()}-${server.spec.name}@example.com`;
  const created = await httpRequest(server.url('/users'), {
    method: 'POST',
    json: { name: 'Bench User', email },
  });
  if (created.status !== 201) {
    throw new Error(`${server.spec.name}: POST /users answered ${created.status}: ${created.body}`);
  }
  return (JSON.parse(created.body) as { id: string }).id;
}

/** Deletes a user `seedUser` created, so runs leave no rows behind (best effort). */
export async function deleteUser(server: ServerProcess, id: string): Promise<void> {
  await httpRequest(server.url(`/users/${id}`), { method: 'DELETE' }).catch(() => undefined);
}
