/** infrastructure(config): RedisModule once when REDIS_URL is set, and nothing Redis without it. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CACHE, createApp, MESSAGE_BUS } from '#core';
import { RedisModule } from '#infra/redis';
import { AppModule, infrastructure } from '../../src/app/app.module.js';
import { loadConfig } from '../../src/app/config.js';

const REDIS_URL = 'redis://127.0.0.1:6379';

function modulesOf(env: Record<string, string>) {
  return infrastructure(loadConfig(env, { envFile: false }));
}

/** Whether ioredis has been loaded in this test process (each test file runs in its own). */
function ioredisLoaded(): boolean {
  const cache = createRequire(import.meta.url).cache;
  return Object.keys(cache).some((path) => /[\\/]node_modules[\\/]ioredis[\\/]/.test(path));
}

describe('infrastructure(config)', () => {
  it('registers RedisModule once, globally, with REDIS_URL when it is set', () => {
    const redis = modulesOf({ REDIS_URL }).filter((entry) => entry.module === RedisModule);
    expect(redis).toHaveLength(1);
    expect(redis[0]).toMatchObject({ global: true });
    const options = redis[0]?.providers?.find(
      (provider) => typeof provider === 'object' && 'useValue' in provider,
    );
    expect(options).toMatchObject({ useValue: { url: REDIS_URL } });
  });

  it('registers RedisModule once even when the cache and the bus both use Redis', () => {
    const modules = modulesOf({ REDIS_URL, CACHE_DRIVER: 'redis', BUS_DRIVER: 'redis' });
    expect(modules.filter((entry) => entry.module === RedisModule)).toHaveLength(1);
  });

  it('registers no RedisModule without REDIS_URL', () => {
    expect(modulesOf({}).some((entry) => entry.module === RedisModule)).toBe(false);
  });

  it('boots the whole app without REDIS_URL on memory adapters, never loading ioredis', async () => {
    const config = loadConfig(
      { NODE_ENV: 'test', DATABASE_URL: 'pglite://memory' },
      { envFile: false },
    );
    const app = await createApp(AppModule.forRoot(config), { logger: false });
    try {
      await app.get(CACHE).set('k', 'v');
      await app.get(MESSAGE_BUS).publish('nothing.listens', {});
      expect(await app.get(CACHE).get('k')).toBe('v');
      expect((await app.inject('/health/ready')).json().checks.cache.details.driver).toBe('memory');
    } finally {
      await app.close();
    }
    expect(ioredisLoaded()).toBe(false);
  });
});
