/** RedisModule in a real app: one client per name, created on first use, closed with the app. */
import { describe, expect, it } from 'vitest';
import { createApp, Injectable, Module } from '#core';
import { RedisConnections, RedisModule } from '#infra/redis';
import { PrivateRedisServer, privateRedisAvailable } from '../../helpers/redis-server.js';

@Injectable()
class Counter {
  constructor(private readonly redis: RedisConnections) {}

  increment(key: string): Promise<number> {
    return this.redis.get('counters').incr(key);
  }
}

@Module({ providers: [Counter], exports: [Counter] })
class CounterModule {}

describe('RedisModule', () => {
  it('refuses to configure without a url, saying what to set', () => {
    expect(() => RedisModule.forRoot({ url: '' })).toThrow(/REDIS_URL/);
  });

  describe.runIf(privateRedisAvailable('RedisModule'))('with a private Redis', () => {
    it('shares one client per name with every module and quits them when the app closes', async () => {
      const server = await PrivateRedisServer.start();
      try {
        @Module({ imports: [RedisModule.forRoot({ url: server.url }), CounterModule] })
        class RootModule {}
        const app = await createApp(RootModule, { logger: false });
        const connections = app.get(RedisConnections);
        expect(await app.get(Counter).increment('visits')).toBe(1);
        expect(await app.get(Counter).increment('visits')).toBe(2);
        const client = connections.get('counters');
        expect(connections.get('counters')).toBe(client);
        expect(connections.get('other')).not.toBe(client);
        await app.close();
        expect(client.status).toBe('end');
        expect(() => connections.get('late')).toThrow(/shut down/);
      } finally {
        await server.stop();
      }
    });
  });
});
