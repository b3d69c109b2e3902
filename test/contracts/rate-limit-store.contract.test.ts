/** Runs the rate-limit store contract on MemoryRateLimitStore always, RedisRateLimitStore with REDIS_URL. */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { MemoryRateLimitStore } from '../../src/infra/rate-limit/memory-rate-limit.store.js';
import { RedisRateLimitStore } from '../../src/infra/rate-limit/redis-rate-limit.store.js';
import { RedisConnections } from '../../src/infra/redis/redis-connections.js';
import { deleteRedisKeys } from '../helpers/redis-keys.js';
import { runRateLimitStoreContract } from './rate-limit-store.contract.js';

runRateLimitStoreContract('MemoryRateLimitStore', async () => {
  const store = new MemoryRateLimitStore();
  return { store, peer: store, close: async () => undefined };
});

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  // One prefix per run and per namespace, so parallel runs on a shared Redis never meet.
  const run = `keel-test:${randomUUID()}`;
  runRateLimitStoreContract('RedisRateLimitStore', async (namespace) => {
    const prefix = `${run}:${namespace}:`;
    const logger = pino({ level: 'silent' });
    // Two connection sets: the peer really talks to Redis over its own connection.
    const connections = [0, 1].map(() => new RedisConnections({ url: redisUrl }, logger));
    const [store, peer] = connections.map((c) => new RedisRateLimitStore({ prefix }, c, logger));
    if (!store || !peer) throw new Error('unreachable');
    await Promise.all([store.onModuleInit(), peer.onModuleInit()]);
    return {
      store,
      peer,
      close: async () => {
        store.onApplicationShutdown();
        peer.onApplicationShutdown();
        await Promise.all(connections.map((c) => c.onApplicationShutdown()));
        await deleteRedisKeys(redisUrl, prefix);
      },
    };
  });
} else {
  console.warn('[skip] RedisRateLimitStore contract: REDIS_URL is not set');
}
