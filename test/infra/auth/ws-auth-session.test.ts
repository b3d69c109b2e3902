/** An authenticated connection over time: roles on events, 4401 at expiry, `auth.refresh`. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestingModule, WS_CLOSE_CODES } from '#core';
import { AuthModule } from '#infra/auth';
import { WsModule } from '#infra/ws';
import {
  AuthWsClient,
  authOptions,
  handSignedToken,
  OpenGateway,
  SecureGateway,
  type StartedApp,
  startApp,
} from './ws-auth-fixture.js';

let started: StartedApp;

beforeEach(async () => {
  started = await startApp();
});

afterEach(async () => {
  await started.app.close();
});

async function connectAs(sub: string, roles: string[] = []): Promise<AuthWsClient> {
  const { accessToken } = await started.tokens.issueAccessToken({ sub, roles });
  return AuthWsClient.connect(`${started.ws}/secure`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
}

describe('@Roles on gateway events', () => {
  it('answers a FORBIDDEN error frame to a non-admin and serves an admin', async () => {
    const user = await connectAs('bob', ['user']);
    expect(await user.request('admin.stats', { n: 2 })).toEqual({
      event: 'error',
      data: { code: 'FORBIDDEN', message: expect.any(String) },
    });
    const admin = await connectAs('root', ['admin']);
    expect(await admin.request('admin.stats', { n: 2 })).toEqual({
      event: 'admin.stats',
      data: { doubled: 4 },
    });
    // The refused client is still connected and served.
    expect((await user.request('whoami')).data).toMatchObject({ sub: 'bob' });
    await Promise.all([user.close(), admin.close()]);
  });
});

describe('token expiry', () => {
  it('closes the connection with 4401 "token expired" when its token expires', async () => {
    const token = await handSignedToken(started.app, { sub: 'alice', expiresInSeconds: 2 });
    const client = await AuthWsClient.connect(`${started.ws}/secure`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await client.request('whoami')).data).toMatchObject({ sub: 'alice' });
    const openedAt = Date.now();
    expect(await client.closedWithin(6_000)).toEqual({
      code: WS_CLOSE_CODES.TOKEN_EXPIRED,
      reason: 'token expired',
    });
    expect(WS_CLOSE_CODES.TOKEN_EXPIRED).toBe(4401);
    // Not at once: it lived until the token's `exp` (second precision, so 0..2 s from here).
    expect(Date.now() - openedAt).toBeGreaterThan(200);
  });

  it('keeps a connection past expiry after an auth.refresh frame with a fresh token', async () => {
    const short = await handSignedToken(started.app, { sub: 'alice', expiresInSeconds: 2 });
    const client = await AuthWsClient.connect(`${started.ws}/secure`, {
      headers: { authorization: `Bearer ${short}` },
    });
    const { accessToken } = await started.tokens.issueAccessToken({ sub: 'alice' });
    const fresh = await started.tokens.verifyAccessToken(accessToken);
    expect(await client.request('auth.refresh', { token: accessToken })).toEqual({
      event: 'auth.refresh',
      data: { sub: 'alice', expiresAt: fresh.expiresAt },
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await client.request('whoami')).toEqual({
      event: 'whoami',
      data: { sub: 'alice', expiresAt: fresh.expiresAt },
    });
    await client.close();
  });

  it('refuses a refresh with a bad token or another subject and keeps the old principal', async () => {
    const client = await connectAs('alice');
    const { accessToken: mallory } = await started.tokens.issueAccessToken({ sub: 'mallory' });
    expect(await client.request('auth.refresh', { token: mallory })).toEqual({
      event: 'error',
      data: { code: 'FORBIDDEN', message: expect.stringMatching(/another user/) },
    });
    expect((await client.request('auth.refresh', { token: 'x.y.z' })).data).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect((await client.request('auth.refresh', {})).data).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await client.request('whoami')).data).toMatchObject({ sub: 'alice' });
    await client.close();
  });
});

describe('withPrincipal in tests', () => {
  it('connects to a protected gateway as the fixed principal, without a token', async () => {
    const app = await createTestingModule({
      imports: [WsModule.forRoot({ origins: '*' }), AuthModule.forRoot(authOptions())],
      providers: [SecureGateway, OpenGateway],
    })
      .withPrincipal({ sub: 'tester', roles: ['admin'] })
      .compile();
    try {
      const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws');
      const client = await AuthWsClient.connect(`${url}/secure`);
      expect((await client.request('me')).data).toMatchObject({ sub: 'tester', roles: ['admin'] });
      expect((await client.request('admin.stats', { n: 1 })).data).toEqual({ doubled: 2 });
      await client.close();
    } finally {
      await app.close();
    }
  });
});
