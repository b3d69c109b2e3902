/** Connection limits and endings: heartbeat, frame size and graceful shutdown. */
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp, Module } from '#core';
import { WsModule, type WsModuleOptions } from '#infra/ws';
import { Gateway, Subscribe } from '../../../src/core/ws/index.js';
import { TestClient, wsBase } from './ws-test-client.js';

@Gateway('/ws')
class PingGateway {
  @Subscribe('ping')
  ping(): string {
    return 'pong';
  }
}

let app: App | undefined;

async function start(options: Omit<WsModuleOptions, 'origins'>): Promise<string> {
  @Module({ imports: [WsModule.forRoot({ origins: '*', ...options })], providers: [PingGateway] })
  class LimitsModule {}
  app = await createApp(LimitsModule, { logger: false });
  return `${wsBase(await app.listen())}/ws`;
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('WebSocket connection limits', () => {
  it('terminates a client that stops answering pings and keeps one that answers', async () => {
    const url = await start({ heartbeatMs: 50 });
    const dead = await TestClient.connect(url, { autoPong: false });
    const alive = await TestClient.connect(url);
    // Terminated without a close frame: the client sees an abnormal closure.
    expect(await dead.closeCode()).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await alive.request({ event: 'ping' })).toEqual({ event: 'ping', data: 'pong' });
    await alive.close();
  });

  it('closes with 1009 when a frame exceeds maxPayload', async () => {
    const url = await start({ maxPayload: 1024 });
    const client = await TestClient.connect(url);
    expect(await client.request({ event: 'ping', data: 'x'.repeat(500) })).toEqual({
      event: 'ping',
      data: 'pong',
    });
    client.send({ event: 'ping', data: 'x'.repeat(2048) });
    expect(await client.closeCode()).toBe(1009);
  });

  it('closes every connection with 1001 when the app shuts down', async () => {
    const url = await start({});
    const first = await TestClient.connect(url);
    const second = await TestClient.connect(url);
    const closing = app?.close();
    expect(await first.closeCode()).toBe(1001);
    expect(await second.closeCode()).toBe(1001);
    await closing;
  });
});
