/** RedisLock beyond the contract: fails fast when Redis cannot answer, and loses leases honestly. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { LockLostError, LockUnavailableError } from '../../../src/core/index.js';
import { RedisLock } from '../../../src/infra/lock/redis-lock.js';
import { RedisConnections } from '../../../src/infra/redis/redis-connections.js';
import { TcpProxy } from '../../helpers/tcp-proxy.js';

const redisUrl = process.env.REDIS_URL;
const logger = pino({ level: 'silent' });

function aborted(signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.resolve(signal.reason);
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.reason)));
}

describe.skipIf(!redisUrl)('RedisLock failures', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const prefix = `keel-test:${randomUUID()}:`;

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const open = async (url: string) => {
    const connections = new RedisConnections({ url, connectTimeoutMs: 500 }, logger);
    const lock = new RedisLock({ prefix, timeoutMs: 200 }, connections, logger);
    await lock.onModuleInit();
    cleanups.push(async () => {
      lock.onApplicationShutdown();
      await connections.onApplicationShutdown();
    });
    return lock;
  };

  const viaProxy = async () => {
    const target = new URL(redisUrl!);
    const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port) });
    cleanups.push(async () => proxy.close());
    return { proxy, lock: await open(proxy.proxiedUrl(redisUrl!)) };
  };

  it('rejects acquire fast with LockUnavailableError (503) when Redis does not answer', async () => {
    const { proxy, lock } = await viaProxy();
    proxy.cut('stall');
    const started = Date.now();
    const error = await lock.acquire('a', { waitMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockUnavailableError);
    expect(error).toMatchObject({ statusCode: 503, code: 'LOCK_UNAVAILABLE' });
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(lock.assertFence('a', 1)).rejects.toBeInstanceOf(LockUnavailableError);
  });

  it('aborts an autoExtend lease with LockLostError when its token is gone from Redis', async () => {
    const lock = await open(redisUrl!);
    const lease = await lock.acquire('stolen', { ttlMs: 3000, autoExtend: true });
    const admin = new Redis(redisUrl!);
    cleanups.push(async () => void admin.disconnect());
    await admin.set(`${prefix}{stolen}`, 'someone-else', 'PX', 5000);
    const reason = await aborted(lease.signal);
    expect(reason).toBeInstanceOf(LockLostError);
    expect(await lease.release()).toBe(false);
    expect(await admin.get(`${prefix}{stolen}`)).toBe('someone-else');
    await admin.del(`${prefix}{stolen}`, `${prefix}{stolen}:fence`);
  });

  it('aborts an autoExtend lease at its expiry while Redis stays unreachable', async () => {
    const { proxy, lock } = await viaProxy();
    const lease = await lock.acquire('cut', { ttlMs: 600, autoExtend: true });
    const started = Date.now();
    proxy.cut('stall');
    const reason = await aborted(lease.signal);
    expect(reason).toBeInstanceOf(LockLostError);
    // Renewals could not reach Redis, so the lease ended at its TTL, not earlier, not never.
    expect(Date.now() - started).toBeLessThan(2000);
    await proxy.restore();
  });
});

if (!redisUrl) console.warn('[skip] RedisLock failures: REDIS_URL is not set');
