/** RedisCache against a private redis-server that is stopped, frozen, paused or never there. */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisCache } from '../../../src/infra/cache/redis-cache.js';
import { RedisConnections } from '../../../src/infra/redis/redis-connections.js';
import { freePort, PrivateRedisServer, privateRedisAvailable } from '../../helpers/redis-server.js';
import { type CapturedLogger, captureLogger } from '../redis/capture-logger.js';

// Generous "does not hang" bound per call; the cache itself gives up after ~150 ms.
const CALL_BOUND_MS = 1_000;
// Generous bound on waiting for a recovery, so a broken case fails instead of hanging.
const RECOVERY = { timeout: 15_000, interval: 50 };

/** 200 mixed calls spread over ~1 s (so the breaker's trial calls happen too), each timed. */
async function hammer(cache: RedisCache): Promise<{ slowestMs: number; hits: number }> {
  let slowestMs = 0;
  let hits = 0;
  for (let n = 0; n < 200; n++) {
    const started = performance.now();
    if (n % 4 === 0) await cache.set(`k${n}`, n, { tags: ['t'] });
    else if (n % 4 === 1) hits += (await cache.get(`k${n - 1}`)) === undefined ? 0 : 1;
    else if (n % 4 === 2) hits += (await cache.wrap(`w${n}`, async () => 'db')) === 'db' ? 0 : 1;
    else await cache.invalidateTags(['t']);
    slowestMs = Math.max(slowestMs, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 4));
  }
  return { slowestMs, hits };
}

function outageWarnings(log: CapturedLogger) {
  return log.warnings().filter((line) => line.msg.startsWith('redis unavailable'));
}

function recoveries(log: CapturedLogger) {
  return log.infos().filter((line) => line.msg.startsWith('redis available again'));
}

async function cachingWorks(cache: RedisCache): Promise<boolean> {
  const key = `probe:${Math.random()}`;
  await cache.set(key, 'ok');
  return (await cache.get(key)) === 'ok';
}

describe.runIf(privateRedisAvailable('RedisCache degradation'))('RedisCache degradation', () => {
  let server: PrivateRedisServer;
  let cache: RedisCache | undefined;
  let connections: RedisConnections | undefined;
  let log: CapturedLogger;

  const openCache = async (url: string) => {
    log = captureLogger();
    connections = new RedisConnections({ url, connectTimeoutMs: 500 }, log.logger);
    cache = new RedisCache({ prefix: 'deg:', cooldownMs: 300 }, connections, log.logger);
    await cache.onModuleInit();
    return cache;
  };

  /** Shuts down as an app does: the cache stops using its client, then the client quits. */
  const closeCache = async () => {
    cache?.onApplicationShutdown();
    await connections?.onApplicationShutdown();
    cache = undefined;
    connections = undefined;
  };

  beforeAll(async () => {
    server = await PrivateRedisServer.start();
  });

  afterEach(async () => {
    await closeCache();
    // A failed test may leave the server frozen or stopped: the next one needs it running.
    server.resume();
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('serves misses fast while the server is stopped, warns once, and resumes after a restart', async () => {
    const cache = await openCache(server.url);
    await cache.set('before', 1);
    expect(await cache.get('before')).toBe(1);
    await server.stop();
    const { slowestMs, hits } = await hammer(cache);
    expect(hits).toBe(0);
    expect(slowestMs).toBeLessThan(CALL_BOUND_MS);
    expect(outageWarnings(log)).toHaveLength(1);
    expect((await cache.health()).status).toBe('degraded');
    await server.start();
    await vi.waitUntil(() => cachingWorks(cache), RECOVERY);
    expect(recoveries(log)).toHaveLength(1);
    expect(await cache.health()).toEqual({ status: 'ok', details: { driver: 'redis' } });
  }, 40_000);

  it('serves misses fast while the server process is frozen (SIGSTOP) and resumes on SIGCONT', async () => {
    const cache = await openCache(server.url);
    expect(await cachingWorks(cache)).toBe(true);
    server.pause();
    const { slowestMs, hits } = await hammer(cache);
    expect(hits).toBe(0);
    expect(slowestMs).toBeLessThan(CALL_BOUND_MS);
    expect(outageWarnings(log)).toHaveLength(1);
    const health = await cache.health();
    expect(health.status).toBe('degraded');
    expect(health.details).toMatchObject({ driver: 'redis', redis: 'unavailable' });
    server.resume();
    await vi.waitUntil(() => cachingWorks(cache), RECOVERY);
    expect(recoveries(log)).toHaveLength(1);
    expect(outageWarnings(log)).toHaveLength(1);
  }, 40_000);

  it('serves misses fast while Redis pauses every client (CLIENT PAUSE) and resumes after it', async () => {
    const cache = await openCache(server.url);
    expect(await cachingWorks(cache)).toBe(true);
    const admin = new Redis(server.url);
    try {
      await admin.call('CLIENT', 'PAUSE', '4000', 'ALL');
      const { slowestMs, hits } = await hammer(cache);
      expect(hits).toBe(0);
      expect(slowestMs).toBeLessThan(CALL_BOUND_MS);
      expect(outageWarnings(log)).toHaveLength(1);
      await vi.waitUntil(() => cachingWorks(cache), RECOVERY);
      expect(recoveries(log)).toHaveLength(1);
    } finally {
      admin.disconnect();
    }
  }, 40_000);

  it('boots and serves misses on a port that refuses connections, then caches once Redis listens there', async () => {
    const port = await freePort();
    const started = performance.now();
    const cache = await openCache(`redis://127.0.0.1:${port}`);
    expect(performance.now() - started).toBeLessThan(5_000);
    const { slowestMs, hits } = await hammer(cache);
    expect(hits).toBe(0);
    expect(slowestMs).toBeLessThan(CALL_BOUND_MS);
    expect(outageWarnings(log)).toHaveLength(1);
    const late = await PrivateRedisServer.start(port);
    try {
      await vi.waitUntil(() => cachingWorks(cache), RECOVERY);
      expect(recoveries(log)).toHaveLength(1);
    } finally {
      await closeCache();
      await late.stop();
    }
  }, 40_000);

  it('boots within a bounded time while the server is frozen, and shuts down without hanging', async () => {
    server.pause();
    try {
      const started = performance.now();
      const cache = await openCache(server.url);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(await cache.get('anything')).toBeUndefined();
      const closing = performance.now();
      await closeCache();
      expect(performance.now() - closing).toBeLessThan(5_000);
    } finally {
      server.resume();
    }
  }, 40_000);
});
