/**
 * Discovery: lazy, bounded by a timeout, cached once it succeeds, retried after a failure. A
 * provider that cannot be discovered answers 503 and never blocks the boot or other providers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '#core';
import { useTestDatabase } from '../../helpers/test-database.js';
import { APP_BASE, compileOidcApp } from './helpers/oidc-test-app.js';
import { startTestIdp, type TestIdp } from './helpers/test-idp.js';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('OIDC provider discovery', () => {
  const database = useTestDatabase('pglite');
  // Accepts connections and never answers: discovery must give up on its own.
  const silent = createServer(() => undefined);
  let silentConnections = 0;
  silent.on('connection', () => {
    silentConnections += 1;
  });
  let app: App;
  let latePort: number;
  let late: TestIdp | undefined;
  const client = { clientId: 'keel-test-client', clientSecret: 'unused-secret-value' };

  beforeAll(async () => {
    const silentPort = await listen(silent);
    latePort = await freePort();
    app = await compileOidcApp({
      database: database(),
      oidc: {
        providers: [
          { name: 'silent', issuer: `http://127.0.0.1:${silentPort}`, ...client },
          { name: 'late', issuer: `http://127.0.0.1:${latePort}`, ...client },
        ],
        httpTimeoutSeconds: 1,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await late?.close();
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  const start = (provider: string) =>
    app.inject({ method: 'GET', url: `/auth/oidc/${provider}/start` });

  it('boots without contacting any provider, and a provider that does not answer is a 503 within the timeout', async () => {
    expect(silentConnections).toBe(0);
    const began = Date.now();
    const res = await start('silent');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(res.json().message).toContain('silent');
    expect(Date.now() - began).toBeLessThan(5000);
    expect(silentConnections).toBe(1);
  });

  it('a provider that is down is a 503 until it is up, then discovered and cached', async () => {
    const down = await start('late');
    expect(down.statusCode).toBe(503);
    const callback = `${APP_BASE}/auth/oidc/late/callback`;
    late = await startTestIdp({ redirectUris: [callback], accounts: [], port: latePort });
    const up = await start('late');
    expect(up.statusCode).toBe(302);
    expect(String(up.headers.location)).toContain(`127.0.0.1:${latePort}/auth?`);
    await late.close();
    late = undefined;
    // Cached: the authorization URL needs no request to the provider.
    expect((await start('late')).statusCode).toBe(302);
  });
});
