/** Checks before the upgrade: Origin allow-list (403) and upgrade guards (401), with no socket opened. */
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp, ForbiddenError, Injectable, Module, type Provider } from '#core';
import { WsModule } from '#infra/ws';
import {
  Gateway,
  type OnGatewayConnection,
  Subscribe,
  WS_UPGRADE_GUARD,
  type WsClient,
  type WsHandshake,
  type WsUpgradeGuard,
} from '../../../src/core/ws/index.js';
import { TestClient, upgrade, upgradeStatus, wsBase } from './ws-test-client.js';

let connections = 0;

@Gateway('/ws')
class CountingGateway implements OnGatewayConnection {
  handleConnection(): void {
    connections++;
  }

  @Subscribe('me')
  me(_data: unknown, client: WsClient): unknown {
    return client.data.get('principal') ?? null;
  }
}

/** Accepts `?token=good` (principal alice), refuses `?token=banned` with 403, else false. */
@Injectable()
class TokenUpgradeGuard implements WsUpgradeGuard {
  canUpgrade(request: WsHandshake): boolean {
    if (request.query.token === 'banned') throw new ForbiddenError();
    if (request.query.token !== 'good') return false;
    request.data.set('principal', { name: 'alice' });
    return true;
  }
}

let app: App | undefined;

async function start(options: { origins: string[] | '*'; guards?: Provider[] }): Promise<string> {
  @Module({
    imports: [WsModule.forRoot({ origins: options.origins })],
    providers: [CountingGateway, ...(options.guards ?? [])],
  })
  class UpgradeModule {}
  app = await createApp(UpgradeModule, { logger: false });
  return `${wsBase(await app.listen())}/ws`;
}

afterEach(async () => {
  await app?.close();
  app = undefined;
  connections = 0;
});

describe('WebSocket upgrade', () => {
  it('answers 401 before the upgrade when an upgrade guard returns false', async () => {
    const url = await start({
      origins: '*',
      guards: [{ provide: WS_UPGRADE_GUARD, useClass: TokenUpgradeGuard }],
    });
    expect(await upgrade(url)).toMatchObject({
      status: 401,
      body: { statusCode: 401, code: 'UNAUTHORIZED', requestId: expect.any(String) },
    });
    expect(await upgradeStatus(`${url}?token=wrong`)).toBe(401);
    expect(connections).toBe(0);
  });

  it("answers a guard's own HttpError status", async () => {
    const url = await start({
      origins: '*',
      guards: [{ provide: WS_UPGRADE_GUARD, useClass: TokenUpgradeGuard }],
    });
    expect(await upgradeStatus(`${url}?token=banned`)).toBe(403);
    expect(connections).toBe(0);
  });

  it('upgrades when every guard agrees and hands the principal to the connection', async () => {
    const url = await start({
      origins: '*',
      guards: [{ provide: WS_UPGRADE_GUARD, useClass: TokenUpgradeGuard }],
    });
    const client = await TestClient.connect(`${url}?token=good`);
    expect(await client.request({ event: 'me' })).toEqual({ event: 'me', data: { name: 'alice' } });
    expect(connections).toBe(1);
    await client.close();
  });

  it('answers 403 to an Origin outside the allow-list', async () => {
    const url = await start({ origins: ['https://app.example.com'] });
    expect(await upgrade(`${url}?lang=es`, { Origin: 'https://evil.example.com' })).toMatchObject({
      status: 403,
      body: {
        code: 'FORBIDDEN',
        message:
          'No se permiten conexiones WebSocket desde el origen https://evil.example.com. Añádalo a WS_ORIGINS.',
      },
    });
    expect(connections).toBe(0);
  });

  it('accepts a listed Origin and clients that send no Origin at all', async () => {
    const url = await start({ origins: ['https://app.example.com'] });
    expect(await upgradeStatus(url, { Origin: 'https://app.example.com' })).toBe(101);
    expect(await upgradeStatus(url)).toBe(101);
  });
});
