/** AUTH_JWKS_URL: an outside IdP's tokens verified against its remote key set, with timeouts. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '#core';
import { bearer, probeApp } from './auth-test-app.js';

const ISSUER = 'https://idp.example.test/';

describe('external issuer (remote JWKS)', () => {
  let server: Server;
  let url: string;
  let app: App;
  let hang = false;
  let fetches = 0;
  const published: JWK[] = [];
  let signer: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signer = pair.privateKey;
    published.push({
      ...(await exportJWK(pair.publicKey)),
      kid: 'idp-1',
      alg: 'RS256',
      use: 'sig',
    });
    server = createServer((_req, res) => {
      fetches += 1;
      if (hang) return; // never answers
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    app = await probeApp({
      external: { jwksUrl: url, issuer: ISSUER, timeoutMs: 300, cooldownMs: 60_000 },
    });
  });
  afterAll(async () => {
    await app?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  const token = (kid = 'idp-1', audience = 'keel-api') =>
    new SignJWT({ roles: ['support'], scope: 'users:read' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject('idp|42')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(signer);

  it('accepts a token of the outside issuer, with its roles and scopes', async () => {
    const res = await app.inject({ url: '/probe/me', headers: bearer(await token()) });
    expect([res.statusCode, res.json()]).toEqual([
      200,
      { sub: 'idp|42', roles: ['support'], sessionId: null },
    ]);
  });

  it('refuses its tokens for another audience', async () => {
    const res = await app.inject({
      url: '/probe/me',
      headers: bearer(await token('idp-1', 'another-api')),
    });
    expect(res.statusCode).toBe(401);
  });

  it('refetches for an unknown kid at most once per cooldown', async () => {
    const before = fetches;
    for (let i = 0; i < 5; i += 1) {
      const res = await app.inject({
        url: '/probe/me',
        headers: bearer(await token('idp-unknown')),
      });
      expect(res.statusCode).toBe(401);
    }
    expect(fetches - before).toBeLessThanOrEqual(1);
  });

  it('answers 401 quickly when the key set cannot be fetched (a hung IdP)', async () => {
    hang = true;
    const fresh = await probeApp({ external: { jwksUrl: url, issuer: ISSUER, timeoutMs: 300 } });
    try {
      const started = Date.now();
      const res = await fresh.inject({ url: '/probe/me', headers: bearer(await token()) });
      expect(res.statusCode).toBe(401);
      // A generous bound: the point is that it does not hang.
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      hang = false;
      await fresh.close();
    }
  });
});
