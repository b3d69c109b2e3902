/** AUTH_PROTECT_EXAMPLES=true: the example's reads stay public, its writes need the admin role. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '#core';
import { createApp } from '#core';
import { TokenService } from '#infra/auth';
import { AppModule } from '../../../src/app/app.module.js';
import { loadConfig } from '../../../src/app/config.js';

describe.each([true, false])('users with AUTH_PROTECT_EXAMPLES=%s', (protect) => {
  let app: App;
  const token = async (roles: string[]) =>
    `Bearer ${(await app.get(TokenService).issueAccessToken({ sub: 'op', roles })).accessToken}`;

  beforeAll(async () => {
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: 'pglite://memory',
      AUTH_PROTECT_EXAMPLES: String(protect),
    };
    app = await createApp(AppModule.forRoot(loadConfig(env, { envFile: false })), {
      logger: false,
    });
  });
  afterAll(() => app?.close());

  const post = (authorization?: string) =>
    app.inject({
      method: 'POST',
      url: '/users',
      payload: { name: 'Eve', email: `eve-${Math.random()}@example.com` },
      headers: authorization ? { authorization } : {},
    });

  it('reads without a token', async () => {
    expect((await app.inject({ url: '/users' })).statusCode).toBe(200);
  });

  it(protect ? 'writes only with the admin role' : 'writes without a token', async () => {
    const anonymous = await post();
    if (!protect) {
      expect(anonymous.statusCode).toBe(201);
      return;
    }
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'UNAUTHORIZED']);
    const user = await post(await token(['user']));
    expect([user.statusCode, user.json().code]).toEqual([403, 'FORBIDDEN']);
    expect((await app.inject({ url: '/users' })).json().items).toEqual([]);
    expect((await post(await token(['admin']))).statusCode).toBe(201);
  });

  it('documents the bearer requirement on writes only when protected', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json();
    expect(doc.paths['/users'].get.security).toEqual([]);
    expect(doc.paths['/users'].post.security).toEqual(protect ? [{ bearerAuth: [] }] : []);
  });
});
