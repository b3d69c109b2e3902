/** Runs the idempotency-store contract against the memory store always, the Redis one with REDIS_URL. */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { MemoryIdempotencyStore } from '../../src/infra/idempotency/memory-idempotency-store.js';
import { RedisIdempotencyStore } from '../../src/infra/idempotency/redis-idempotency-store.js';
import { RedisConnections } from '../../src/infra/redis/redis-connections.js';
import { deleteRedisKeys } from '../helpers/redis-keys.js';
import { runIdempotencyStoreContract } from './idempotency-store.contract.js';

runIdempotencyStoreContract('MemoryIdempotencyStore', async () => {
  const store = new MemoryIdempotencyStore();
  return { store, peer: store, close: async () => undefined };
});

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  // One prefix per run and per store, so parallel runs on a shared Redis never meet.
  const run = `keel-test:${randomUUID()}`;
  runIdempotencyStoreContract('RedisIdempotencyStore', async (namespace) => {
    const prefix = `${run}:${namespace}:`;
    const logger = pino({ level: 'silent' });
    // Two connection pools: two workers over the same records.
    const pools = [
      new RedisConnections({ url: redisUrl }, logger),
      new RedisConnections({ url: redisUrl }, logger),
    ];
    const [store, peer] = pools.map(
      (pool) => new RedisIdempotencyStore({ prefix }, pool, logger),
    ) as [RedisIdempotencyStore, RedisIdempotencyStore];
    await Promise.all([store.onModuleInit(), peer.onModuleInit()]);
    return {
      store,
      peer,
      close: async () => {
        store.onApplicationShutdown();
        peer.onApplicationShutdown();
        await Promise.all(pools.map((pool) => pool.onApplicationShutdown()));
        await deleteRedisKeys(redisUrl, prefix);
      },
    };
  });
} else {
  console.warn('[skip] RedisIdempotencyStore contract: REDIS_URL is not set');
}
