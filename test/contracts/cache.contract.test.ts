/** Runs the cache contract against MemoryCache always, and RedisCache when REDIS_URL is set. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { MemoryCache } from '../../src/infra/cache/memory-cache.js';
import { RedisCache } from '../../src/infra/cache/redis-cache.js';
import { RedisConnections } from '../../src/infra/redis/redis-connections.js';
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
        await deleteKeys(redisUrl, prefix);
      },
    };
  });
} else {
  console.warn('[skip] RedisCache contract: REDIS_URL is not set');
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const admin = new Redis(url, { lazyConnect: true });
  try {
    await admin.connect();
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await admin.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    admin.disconnect();
  }
}
