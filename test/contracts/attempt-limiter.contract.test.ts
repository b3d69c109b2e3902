/** Runs the attempt-limiter contract against MemoryAttemptLimiter always, RedisAttemptLimiter with REDIS_URL. */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { MemoryAttemptLimiter } from '../../src/infra/attempts/memory-attempt-limiter.js';
import { RedisAttemptLimiter } from '../../src/infra/attempts/redis-attempt-limiter.js';
import { RedisConnections } from '../../src/infra/redis/redis-connections.js';
import { deleteRedisKeys } from '../helpers/redis-keys.js';
import { runAttemptLimiterContract } from './attempt-limiter.contract.js';

runAttemptLimiterContract('MemoryAttemptLimiter', async () => ({
  limiter: new MemoryAttemptLimiter(),
  close: async () => undefined,
}));

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  // One prefix per run and per limiter, so parallel runs on a shared Redis never meet.
  const run = `keel-test:${randomUUID()}`;
  runAttemptLimiterContract('RedisAttemptLimiter', async (namespace) => {
    const prefix = `${run}:${namespace}:`;
    const logger = pino({ level: 'silent' });
    const connections = new RedisConnections({ url: redisUrl }, logger);
    const limiter = new RedisAttemptLimiter({ prefix }, connections, logger);
    await limiter.onModuleInit();
    return {
      limiter,
      close: async () => {
        limiter.onApplicationShutdown();
        await connections.onApplicationShutdown();
        await deleteRedisKeys(redisUrl, prefix);
      },
    };
  });
} else {
  console.warn('[skip] RedisAttemptLimiter contract: REDIS_URL is not set');
}
