/** A cache + bus app opens Redis connections only through RedisConnections, and closes them all. */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type App, CACHE, createApp, Injectable, MESSAGE_BUS, Module, OnEvent } from '#core';
import { BusModule } from '#infra/bus';
import { CacheModule } from '#infra/cache';
import { RedisConnections, RedisModule } from '#infra/redis';
import { RedisBus } from '../../../src/infra/bus/redis-bus.js';
import { RedisCache } from '../../../src/infra/cache/redis-cache.js';
import { PrivateRedisServer, privateRedisAvailable } from '../../helpers/redis-server.js';

const ADMIN = 'test-admin';
// What the cache and the bus ask RedisConnections for, as CLIENT LIST shows them.
const APP_CONNECTIONS = ['keel:cache:cache', 'keel:publisher:bus', 'keel:subscriber:bus'];

@Injectable()
class Inbox {
  readonly received: unknown[] = [];

  @OnEvent('order.paid')
  paid(payload: unknown) {
    this.received.push(payload);
  }
}

@Module({ providers: [Inbox] })
class InboxModule {}

/** A cache + bus app on `url`, as AppModule wires them when REDIS_URL is set. */
function bootApp(url: string): Promise<App> {
  @Module({
    imports: [
      RedisModule.forRoot({ url }),
      CacheModule.forRoot({ driver: 'redis', prefix: 'conn-test:' }),
      BusModule.forRoot({ driver: 'redis', prefix: 'conn-test:' }),
      InboxModule,
    ],
  })
  class RootModule {}
  return createApp(RootModule, { logger: false });
}

/** Appends `name` to `calls` whenever `prototype.onApplicationShutdown` runs (it still runs). */
function recordShutdown(
  prototype: { onApplicationShutdown(): unknown },
  name: string,
  calls: string[],
): void {
  const original = prototype.onApplicationShutdown;
  vi.spyOn(prototype, 'onApplicationShutdown').mockImplementation(function (this: unknown) {
    calls.push(name);
    return original.call(this);
  });
}

/** The name of every connection the server has open, the admin's left out. */
async function connectionNames(admin: Redis): Promise<string[]> {
  const list = await admin.client('LIST');
  return String(list)
    .split('\n')
    .map((line) => /(?:^| )name=(\S*)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== ADMIN)
    .sort();
}

// A private server, so CLIENT LIST shows this app's connections and nobody else's.
describe.runIf(privateRedisAvailable('RedisConnections in an app'))(
  'RedisConnections in an app',
  () => {
    let server: PrivateRedisServer;
    let admin: Redis;

    beforeAll(async () => {
      server = await PrivateRedisServer.start();
      admin = new Redis(server.url, { connectionName: ADMIN });
    });

    afterEach(() => {
      vi.restoreAllMocks();
    });

    afterAll(async () => {
      admin?.disconnect();
      await server?.stop();
    });

    it('opens the cache and bus connections only through RedisConnections', async () => {
      const app = await bootApp(server.url);
      try {
        const cache = app.get(CACHE);
        await cache.set('k', 'v');
        expect(await cache.get('k')).toBe('v');
        expect(await admin.get('conn-test:v:k')).toBe('"v"');
        await app.get(MESSAGE_BUS).publish('order.paid', { id: 'o-1' });
        const inbox = app.get(Inbox);
        await vi.waitUntil(() => inbox.received.length === 1, { timeout: 5_000, interval: 20 });
        expect(await connectionNames(admin)).toEqual(APP_CONNECTIONS);

        // Asking for the adapters' clients must hand back the ones in use, not open new ones.
        const connections = app.get(RedisConnections);
        const clients = [
          connections.get('cache', 'cache'),
          connections.get('bus', 'publisher'),
          connections.get('bus', 'subscriber'),
        ];
        const ready = await Promise.all(clients.map((client) => connections.ready(client)));
        expect(ready).toEqual([true, true, true]);
        expect(await connectionNames(admin)).toEqual(APP_CONNECTIONS);
      } finally {
        await app.close();
      }
    });

    it('quits every connection on app.close(), after the cache and the bus stopped', async () => {
      const shutdowns: string[] = [];
      recordShutdown(RedisCache.prototype, 'RedisCache', shutdowns);
      recordShutdown(RedisBus.prototype, 'RedisBus', shutdowns);
      recordShutdown(RedisConnections.prototype, 'RedisConnections', shutdowns);
      const app = await bootApp(server.url);
      const connections = app.get(RedisConnections);
      const clients = [connections.get('cache', 'cache'), connections.get('bus', 'subscriber')];
      await app.get(CACHE).set('k', 'v');
      expect(await connectionNames(admin)).toEqual(APP_CONNECTIONS);
      await app.close();
      expect(shutdowns.at(-1)).toBe('RedisConnections');
      expect([...shutdowns].sort()).toEqual(['RedisBus', 'RedisCache', 'RedisConnections']);
      expect(clients.map((client) => client.status)).toEqual(['end', 'end']);
      expect(await connectionNames(admin)).toEqual([]);
    });
  },
);
