/** Runs the cache contract against MemoryCache always, and RedisCache when REDIS_URL is set. */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { MemoryCache } from '../../src/infra/cache/memory-cache.js';
import { RedisCache } from '../../src/infra/cache/redis-cache.js';
import { RedisConnections } from '../../src/infra/redis/redis-connections.js';
import { deleteRedisKeys } from '../helpers/redis-keys.js';
import { runCacheContract } from './cache.contract.js';

runCacheContract('MemoryCache', async (_namespace, settings) => ({
  cache: new MemoryCache({ clone: settings?.clone }),
  close: async () => undefined,
}));

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  // One prefix per run and per cache, so parallel runs on a shared Redis never meet.
  const run = `keel-test:${randomUUID()}`;
  runCacheContract('RedisCache', async (namespace, settings) => {
    const prefix = `${run}:${namespace}:`;
    const logger = pino({ level: 'silent' });
    const connections = new RedisConnections({ url: redisUrl }, logger);
    const cache = new RedisCache({ prefix, clone: settings?.clone }, connections, logger);
    await cache.onModuleInit();
    return {
      cache,
      close: async () => {
        // The app's order: the cache stops, then its connection quits.
        cache.onApplicationShutdown();
        await connections.onApplicationShutdown();
        await deleteRedisKeys(redisUrl, prefix);
      },
    };
  });
} else {
  console.warn('[skip] RedisCache contract: REDIS_URL is not set');
}
