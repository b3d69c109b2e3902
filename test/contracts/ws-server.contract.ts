/** The WsServer contract: every bus adapter behind WsModule must pass it. */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type App, createApp, type DynamicModule, Module, WS_SERVER, type WsServer } from '#core';
import { WsModule } from '#infra/ws';
import { Gateway, Subscribe, type WsClient } from '../../src/core/ws/index.js';
import { TestClient, wsBase } from '../infra/ws/ws-test-client.js';

const Room = z.object({ room: z.string() });

@Gateway('/ws')
class RoomGateway {
  @Subscribe('join', { schema: Room })
  join({ room }: { room: string }, client: WsClient): unknown {
    client.join(room);
    return { room, id: client.id };
  }

  @Subscribe('leave', { schema: Room })
  leave({ room }: { room: string }, client: WsClient): unknown {
    client.leave(room);
    return { room };
  }
}

/** How the suite builds the bus of each app. */
export interface WsServerContractOptions {
  /** Fresh bus modules (and what they need); two apps built with them share messages iff `shared`. */
  busModules: () => DynamicModule[];
  /** True when two apps in this process share the bus (Redis), false for separate memory buses. */
  shared: boolean;
}

const ABSENCE_MS = 150;

/** Registers the suite for one bus adapter. */
export function wsServerContract(name: string, options: WsServerContractOptions): void {
  describe(`WsServer contract (${name})`, () => {
    const apps: App[] = [];
    const clients: TestClient[] = [];

    async function start(): Promise<{ ws: WsServer; url: string }> {
      @Module({
        imports: [WsModule.forRoot({ origins: '*' }), ...options.busModules()],
        providers: [RoomGateway],
      })
      class ContractModule {}
      const app = await createApp(ContractModule, { logger: false });
      apps.push(app);
      return { ws: app.get(WS_SERVER), url: `${wsBase(await app.listen())}/ws` };
    }

    async function client(url: string, room?: string): Promise<{ client: TestClient; id: string }> {
      const connected = await TestClient.connect(url);
      clients.push(connected);
      const joined = await connected.request({ event: 'join', data: { room: room ?? 'lobby' } });
      return { client: connected, id: (joined.data as { id: string }).id };
    }

    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
      await Promise.all(apps.splice(0).map((app) => app.close()));
    });

    it('emit reaches every connection', async () => {
      const { ws, url } = await start();
      const a = await client(url, 'red');
      const b = await client(url, 'blue');
      await ws.emit('news', { n: 1 });
      expect(await a.client.next()).toEqual({ event: 'news', data: { n: 1 } });
      expect(await b.client.next()).toEqual({ event: 'news', data: { n: 1 } });
    });

    it('to(room) reaches the members only, and no longer after they leave', async () => {
      const { ws, url } = await start();
      const member = await client(url, 'red');
      const other = await client(url, 'blue');
      await ws.to('red').emit('paint', 'red');
      expect(await member.client.next()).toEqual({ event: 'paint', data: 'red' });
      expect(await other.client.receivesNothingWithin(ABSENCE_MS)).toBe(true);
      expect(await member.client.request({ event: 'leave', data: { room: 'red' } })).toEqual({
        event: 'leave',
        data: { room: 'red' },
      });
      await ws.to('red').emit('paint', 'again');
      expect(await member.client.receivesNothingWithin(ABSENCE_MS)).toBe(true);
    });

    it('toConnection(id) reaches that connection only', async () => {
      const { ws, url } = await start();
      const target = await client(url);
      const other = await client(url);
      await ws.toConnection(target.id).emit('dm', 'hi');
      expect(await target.client.next()).toEqual({ event: 'dm', data: 'hi' });
      expect(await other.client.receivesNothingWithin(ABSENCE_MS)).toBe(true);
    });

    it('local targets deliver to this process only', async () => {
      const first = await start();
      const second = await start();
      const here = await client(first.url, 'users');
      const there = await client(second.url, 'users');
      await first.ws.local.to('users').emit('user.created', { id: 'u1' });
      expect(await here.client.next()).toEqual({ event: 'user.created', data: { id: 'u1' } });
      expect(await there.client.receivesNothingWithin(ABSENCE_MS)).toBe(true);
    });

    it(
      options.shared
        ? 'an emit on one app reaches clients connected to another app'
        : 'an emit on one app does not reach another app on a separate bus',
      async () => {
        const first = await start();
        const second = await start();
        const remote = await client(first.url, 'users');
        await second.ws.to('users').emit('hello', { from: 'second' });
        if (options.shared) {
          expect(await remote.client.next()).toEqual({ event: 'hello', data: { from: 'second' } });
        } else {
          expect(await remote.client.receivesNothingWithin(ABSENCE_MS)).toBe(true);
        }
      },
    );
  });
}
