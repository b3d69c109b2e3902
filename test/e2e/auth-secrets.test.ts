/**
 * Secrets never leak: a whole sign-up, sign-in, refresh, reuse, ticket and sign-out run on the
 * real app, logging at trace level, and no password, token, ticket or key appears in any log
 * line or error body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '#core';
import { SigningKeys } from '#infra/auth';
import { AppModule } from '../../src/app/app.module.js';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/core/logger/create-logger.js';
import { LogCapture } from '../core/logger/log-capture.js';
import { testPrivateKeyEnv } from '../helpers/test-signing-key.js';

describe('secrets in logs and error bodies', () => {
  const capture = new LogCapture();
  const bodies: string[] = [];
  const secrets: string[] = [];
  let app: App;

  beforeAll(async () => {
    const privateKey = testPrivateKeyEnv();
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: 'pglite://memory',
      AUTH_PRIVATE_KEY: privateKey,
      AUTH_ARGON2_MEMORY_KIB: '4096',
      AUTH_ARGON2_ITERATIONS: '1',
    };
    const logger = createLogger({ level: 'trace', pretty: false, destination: capture });
    app = await createApp(AppModule.forRoot(loadConfig(env, { envFile: false })), { logger });
    const d = (JSON.parse(privateKey) as { keys: Array<{ d: string }> }).keys[0]?.d;
    secrets.push(String(d));
    expect(app.get(SigningKeys).current().kid).toMatch(/^test-/);
  });
  afterAll(() => app?.close());

  async function call(method: 'GET' | 'POST', url: string, body?: object, token?: string) {
    const res = await app.inject({
      method,
      url,
      ...(body ? { payload: body } : {}),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    bodies.push(res.body);
    return res;
  }

  it('runs the whole flow, then finds none of its secrets in the logs', async () => {
    const password = 'correct horse battery staple';
    const newPassword = 'another long passphrase 42';
    secrets.push(password, newPassword);
    const email = 'leak-check@example.com';

    const signUp = await call('POST', '/auth/sign-up', { email, password, name: 'Lee' });
    expect(signUp.statusCode).toBe(201);
    const first = signUp.json() as { accessToken: string; refreshToken: string };
    await call('POST', '/auth/sign-up', { email, password, name: 'Lee' }); // 409
    await call('POST', '/auth/sign-in', { email, password: `${password}!` }); // 401
    await call('POST', '/auth/sign-in', { email, password: 'short' }); // 400
    const signIn = (await call('POST', '/auth/sign-in', { email, password })).json();
    const refreshed = await call('POST', '/auth/refresh', { refreshToken: signIn.refreshToken });
    expect(refreshed.statusCode).toBe(200);
    const reused = await call('POST', '/auth/refresh', { refreshToken: signIn.refreshToken });
    expect(reused.json().code).toBe('REFRESH_TOKEN_REUSED');
    await call('GET', '/auth/me', undefined, first.accessToken);
    await call('GET', '/auth/me', undefined, `${first.accessToken}tampered`); // 401
    const ticket = (await call('POST', '/auth/ws-ticket', undefined, first.accessToken)).json();
    await call('GET', `/ws?ticket=${ticket.ticket}`); // not an upgrade: refused, but logged
    await call(
      'POST',
      '/auth/change-password',
      { currentPassword: password, newPassword },
      first.accessToken,
    );
    await call('POST', '/auth/sign-out', undefined, first.accessToken);
    secrets.push(
      first.accessToken,
      first.refreshToken,
      signIn.accessToken,
      signIn.refreshToken,
      refreshed.json().accessToken,
      refreshed.json().refreshToken,
      ticket.ticket,
    );

    const logs = capture.text();
    expect(capture.lines.length).toBeGreaterThan(10);
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      expect(logs).not.toContain(secret);
      // A token's signature alone would let someone reassemble it from the parts.
      const signature = secret.split('.')[2];
      if (signature) expect(logs).not.toContain(signature);
    }
    // Error bodies never echo what was sent.
    for (const body of bodies.filter((b) => b.includes('"code"'))) {
      for (const secret of [password, newPassword, `${password}!`])
        expect(body).not.toContain(secret);
    }
    expect(logs).toContain('[Redacted]');
  });
});
