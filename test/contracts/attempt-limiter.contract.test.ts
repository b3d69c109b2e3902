/** Runs the attempt-limiter contract against MemoryAttemptLimiter always, RedisAttemptLimiter with REDIS_URL. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { MemoryAttemptLimiter } from '../../src/infra/attempts/memory-attempt-limiter.js';
import { RedisAttemptLimiter } from '../../src/infra/attempts/redis-attempt-limiter.js';
import { RedisConnections } from '../../src/infra/redis/redis-connections.js';
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
        await deleteKeys(redisUrl, prefix);
      },
    };
  });
} else {
  console.warn('[skip] RedisAttemptLimiter contract: REDIS_URL is not set');
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const admin = new Redis(url, { lazyConnect: true });
  try {
    await admin.connect();
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
  } finally {
    admin.disconnect();
  }
}
