/**
 * Every forged, stale or misdirected access token is refused with 401 UNAUTHORIZED and the
 * RFC 6750 challenge, and the handler never runs.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '#core';
import { SigningKeys, TokenService } from '#infra/auth';
import { bearer, probeApp } from './auth-test-app.js';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access-token abuse', () => {
  let app: App;
  let other: App;
  let good: string;
  let kid: string;

  beforeAll(async () => {
    app = await probeApp();
    // Another environment: same issuer and audience names, its own keys.
    other = await probeApp();
    good = (await app.get(TokenService).issueAccessToken({ sub: 'alice', roles: ['user'] }))
      .accessToken;
    kid = app.get(SigningKeys).current().kid;
  });
  afterAll(async () => {
    await app?.close();
    await other?.close();
  });

  const call = (token: string) => app.inject({ url: '/probe/me', headers: bearer(token) });
  const parts = () => good.split('.') as [string, string, string];
  const claims = () => JSON.parse(Buffer.from(parts()[1], 'base64url').toString()) as object;

  /** Signs `claims` with a fresh key the app never saw, under the app's own kid. */
  async function foreign(overrides: Record<string, unknown>, headerExtra = {}): Promise<string> {
    const { privateKey } = await generateKeyPair('EdDSA');
    return new SignJWT({ ...claims(), ...overrides })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt', ...headerExtra })
      .sign(privateKey);
  }

  /** Re-signs with the app's real key: only the claim under test is wrong. */
  async function genuine(overrides: Record<string, unknown>, typ = 'at+jwt'): Promise<string> {
    const key = app.get(SigningKeys).current();
    return new SignJWT({ ...claims(), ...overrides })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ })
      .sign(key.privateKey);
  }

  it('accepts the genuine token (the control case)', async () => {
    const res = await call(good);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sub: 'alice', roles: ['user'] });
  });

  const now = () => Math.floor(Date.now() / 1000);
  const cases: Array<[string, () => Promise<string> | string]> = [
    ['alg none', () => `${b64url({ alg: 'none', typ: 'at+jwt', kid })}.${parts()[1]}.`],
    [
      'HS256 signed with the public key as the secret',
      async () => {
        const jwk = app.get(SigningKeys).jwks().keys[0];
        const secret = new TextEncoder().encode(JSON.stringify(jwk));
        return new SignJWT(claims() as never)
          .setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' })
          .sign(secret);
      },
    ],
    ['wrong iss', () => genuine({ iss: 'someone-else' })],
    ['wrong aud', () => genuine({ aud: 'another-api' })],
    ['expired', () => genuine({ iat: now() - 3600, nbf: now() - 3600, exp: now() - 60 })],
    ['not yet valid', () => genuine({ nbf: now() + 600, exp: now() + 1200 })],
    ['issued in the future', () => genuine({ iat: now() + 600 })],
    ['unknown kid', () => foreign({}, { kid: 'no-such-key' })],
    ['no kid', () => foreign({}, { kid: undefined })],
    ['right kid, wrong key', () => foreign({})],
    [
      'tampered payload',
      () => `${parts()[0]}.${b64url({ ...claims(), roles: ['admin'] })}.${parts()[2]}`,
    ],
    ['truncated signature', () => `${parts()[0]}.${parts()[1]}.${parts()[2].slice(0, 20)}`],
    ['no signature part', () => `${parts()[0]}.${parts()[1]}`],
    [
      'a token of another environment',
      async () => {
        const token = await other.get(TokenService).issueAccessToken({ sub: 'alice' });
        return token.accessToken;
      },
    ],
    [
      'a token of another purpose (ws ticket)',
      () =>
        app
          .get(TokenService)
          .signPurpose(
            { roles: ['admin'] },
            { purpose: 'ws-ticket', ttlSeconds: 30, subject: 'alice' },
          ),
    ],
    ['a JWT without typ at+jwt', () => genuine({}, 'JWT')],
    ['no sub', () => genuine({ sub: undefined })],
    ['garbage', () => 'not-a-jwt'],
    ['an 9 KB token', () => `${good}${'A'.repeat(9000)}`],
  ];

  it.each(cases)('refuses %s with 401 invalid_token', async (_name, make) => {
    const res = await call(await make());
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    expect(res.headers['www-authenticate']).toMatch(
      /^Bearer realm="keel-api", error="invalid_token"/,
    );
    // The handler never ran: it would have answered with the token's subject.
    expect(res.body).not.toContain('alice');
  });

  it('says an expired token expired, in the caller language', async () => {
    const expired = await genuine({ iat: now() - 3600, nbf: now() - 3600, exp: now() - 60 });
    const res = await app.inject({
      url: '/probe/me',
      headers: { ...bearer(expired), 'accept-language': 'es' },
    });
    expect(res.headers['www-authenticate']).toContain('The access token expired');
    expect(res.json().message).toMatch(/ha caducado/);
  });

  it('answers 401 without an error code when no token is sent (RFC 6750 3.1)', async () => {
    const res = await app.inject({ url: '/probe/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="keel-api"');
    expect(res.json().code).toBe('UNAUTHORIZED');
  });
});
