/** CacheModule inside real apps: the global CACHE, decorators per app, health, and shutdown. */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, CACHE, createApp, type DynamicModule, Injectable, Module } from '#core';
import { Cacheable, CacheModule, type CacheModuleOptions } from '#infra/cache';
import { RedisModule, type RedisModuleOptions } from '#infra/redis';
import { HealthModule } from '#modules/health';
import { freePort, PrivateRedisServer, privateRedisAvailable } from '../../helpers/redis-server.js';

@Injectable()
class CatalogService {
  loads = 0;

  @Cacheable({ key: 'product:{0}', tags: ['products'] })
  async product(id: string) {
    this.loads++;
    return { id, name: `product ${id}` };
  }
}

@Module({ providers: [CatalogService], exports: [CatalogService] })
class CatalogModule {}

function rootModule(options: CacheModuleOptions, redis?: RedisModuleOptions) {
  const connections: DynamicModule[] = redis ? [RedisModule.forRoot(redis)] : [];
  @Module({ imports: [...connections, CacheModule.forRoot(options), CatalogModule, HealthModule] })
  class RootModule {}
  return RootModule;
}

describe('CacheModule', () => {
  const apps: App[] = [];
  const boot = async (options: CacheModuleOptions, redis?: RedisModuleOptions) => {
    const app = await createApp(rootModule(options, redis), { logger: false });
    apps.push(app);
    return app;
  };

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('exports CACHE globally and wraps @Cacheable methods of other modules with it', async () => {
    const app = await boot({ driver: 'memory' });
    const catalog = app.get(CatalogService);
    await catalog.product('1');
    await catalog.product('1');
    expect(catalog.loads).toBe(1);
    expect(await app.get(CACHE).get('product:1')).toEqual({ id: '1', name: 'product 1' });
  });

  it('gives each app its own cache: two apps in one process share nothing', async () => {
    const first = await boot({ driver: 'memory' });
    const second = await boot({ driver: 'memory' });
    await first.get(CatalogService).product('1');
    expect(await second.get(CACHE).get('product:1')).toBeUndefined();
    await second.get(CatalogService).product('1');
    expect(second.get(CatalogService).loads).toBe(1);
  });

  it('hands out frozen values by default, and mutable copies with clone: true', async () => {
    const shared = await boot({ driver: 'memory' });
    expect(Object.isFrozen(await shared.get(CatalogService).product('1'))).toBe(true);
    const cloning = await boot({ driver: 'memory', clone: true });
    const catalog = cloning.get(CatalogService);
    const product = await catalog.product('1');
    product.name = 'changed';
    expect(await catalog.product('1')).toEqual({ id: '1', name: 'product 1' });
    expect(catalog.loads).toBe(1);
  });

  it('adds an ok `cache` check to readiness', async () => {
    const app = await boot({ driver: 'memory' });
    const response = await app.inject('/health/ready');
    expect(response.statusCode).toBe(200);
    expect(response.json().checks.cache).toMatchObject({
      status: 'ok',
      details: { driver: 'memory' },
    });
  });

  it('refuses to boot the redis driver without RedisModule, saying what to set', async () => {
    await expect(boot({ driver: 'redis' })).rejects.toMatchObject({
      code: 'KEEL_REDIS_NOT_REGISTERED',
      message: expect.stringMatching(/RedisCache[\s\S]*RedisModule\.forRoot[\s\S]*REDIS_URL/),
    });
  });

  it('boots with Redis unreachable, stays ready as degraded, and still serves through the loader', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const app = await boot({ driver: 'redis' }, { url, connectTimeoutMs: 300 });
    const catalog = app.get(CatalogService);
    expect(await catalog.product('1')).toEqual({ id: '1', name: 'product 1' });
    expect(await catalog.product('1')).toEqual({ id: '1', name: 'product 1' });
    expect(catalog.loads).toBe(2);
    const response = await app.inject('/health/ready');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'degraded',
      checks: { cache: { status: 'degraded' } },
    });
  });

  describe.runIf(privateRedisAvailable('CacheModule with Redis'))('with a private Redis', () => {
    it('caches in Redis under the prefix and closes its connection when the app closes', async () => {
      const server = await PrivateRedisServer.start();
      const admin = new Redis(server.url);
      try {
        const app = await boot({ driver: 'redis', prefix: 'shop:' }, { url: server.url });
        await app.get(CatalogService).product('1');
        expect(await admin.get('shop:v:product:1')).toBe('{"id":"1","name":"product 1"}');
        expect(await admin.client('LIST')).toContain('name=keel:cache:cache');
        await app.close();
        expect(await admin.client('LIST')).not.toContain('name=keel:cache');
      } finally {
        admin.disconnect();
        await server.stop();
      }
    });
  });
});
