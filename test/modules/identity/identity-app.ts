/** Builds the identity module on a real app for the API tests (fast argon2, in-memory keys). */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { type App, createTestingModule } from '#core';
import { AttemptsModule, type AttemptsModuleOptions } from '#infra/attempts';
import { AuthModule } from '#infra/auth';
import { DatabaseModule } from '#infra/database';
import { RedisModule } from '#infra/redis';
import { IdentityModule, type IdentityModuleOptions } from '#modules/identity';
import {
  type TestDatabase,
  type TestDriver,
  useTestDatabase,
} from '../../helpers/test-database.js';

/** A strong-enough password the tests sign up with. */
export const PASSWORD = 'correct horse battery';

/** What the identity tests get: the app, the database, and request shortcuts. */
export interface IdentityTestApp {
  app: App;
  db: TestDatabase['db'];
  post(
    url: string,
    payload?: object,
    extra?: Omit<InjectOptions, 'url' | 'method'>,
  ): ReturnType<App['inject']>;
  get(url: string, token?: string): ReturnType<App['inject']>;
  signUp(
    email: string,
    password?: string,
  ): Promise<{ userId: string; accessToken: string; refreshToken: string }>;
}

/** Options of `useIdentityApp`. */
export interface IdentityAppOptions {
  attempts?: AttemptsModuleOptions;
  identity?: IdentityModuleOptions;
}

/** Registers hooks that build the app once for the describe block (the database is reset per test). */
export function useIdentityApp(
  driver: TestDriver,
  options: IdentityAppOptions = {},
): () => IdentityTestApp {
  const database = useTestDatabase(driver);
  let app: App | undefined;
  beforeAll(async () => {
    const attempts = options.attempts ?? { driver: 'memory' };
    const redisUrl = process.env.REDIS_URL;
    app = await createTestingModule({
      imports: [
        DatabaseModule.forRoot(database().moduleOptions()),
        ...(attempts.driver === 'redis' && redisUrl
          ? [RedisModule.forRoot({ url: redisUrl })]
          : []),
        AuthModule.forRoot({
          issuer: 'keel',
          audience: 'keel-api',
          keys: { generateIfMissing: 'memory' },
        }),
        AttemptsModule.forRoot(attempts),
        IdentityModule.forRoot({
          argon2: { memoryKib: 1024, iterations: 1, parallelism: 1 },
          ...options.identity,
        }),
      ],
    }).compile({ http: { docs: { title: 'identity test', version: '1' } } });
  });
  afterAll(() => app?.close());

  return () => {
    if (!app) throw new Error('useIdentityApp: the app is built in beforeAll.');
    const current = app;
    const post: IdentityTestApp['post'] = (url, payload, extra = {}) =>
      current.inject({
        ...extra,
        method: 'POST',
        url,
        ...(payload === undefined ? {} : { payload }),
      });
    return {
      app: current,
      db: database().db,
      post,
      get: (url, token) =>
        current.inject({
          method: 'GET',
          url,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        }),
      signUp: async (email, password = PASSWORD) => {
        const res = await post('/auth/sign-up', { email, password, name: 'Test' });
        if (res.statusCode !== 201)
          throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
        const body = res.json();
        return {
          userId: body.user.id,
          accessToken: body.accessToken,
          refreshToken: body.refreshToken,
        };
      },
    };
  };
}

/** `Authorization: Bearer <token>` as inject options. */
export function bearer(token: string): Omit<InjectOptions, 'url' | 'method'> {
  return { headers: { authorization: `Bearer ${token}` } };
}
