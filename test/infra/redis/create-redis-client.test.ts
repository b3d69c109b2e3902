/** The clients built by createRedisClient, against a private redis-server that comes and goes. */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeRedisClient } from '../../../src/infra/redis/close-redis-client.js';
import { connectRedisClient } from '../../../src/infra/redis/connect-redis-client.js';
import { createRedisClient } from '../../../src/infra/redis/create-redis-client.js';
import type { RedisRole } from '../../../src/infra/redis/redis-client-options.js';
import { freePort, PrivateRedisServer, privateRedisAvailable } from '../../helpers/redis-server.js';

// Generous bound on waiting for a state change, so a broken case fails instead of hanging.
const BOUND = { timeout: 15_000, interval: 50 };

describe.runIf(privateRedisAvailable('createRedisClient'))('createRedisClient', () => {
  let server: PrivateRedisServer;
  const clients: Redis[] = [];

  const client = (role: RedisRole, url = server.url) => {
    const created = createRedisClient({ url, role, connectTimeoutMs: 500, maxRetryDelayMs: 200 });
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    server = await PrivateRedisServer.start();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((created) => closeRedisClient(created, 200)));
    server.resume();
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('does not connect until asked (no I/O at construction)', async () => {
    const lazy = client('command');
    expect(lazy.status).toBe('wait');
    expect(await connectRedisClient(lazy)).toBe(true);
    expect(await lazy.ping()).toBe('PONG');
  });

  it('names the connection after its role', async () => {
    const named = client('cache');
    await connectRedisClient(named);
    expect(await named.client('GETNAME')).toBe('keel:cache');
  });

  it('makes a cache client fail at once while disconnected instead of queueing', async () => {
    const cache = client('cache');
    await connectRedisClient(cache);
    await server.stop();
    await vi.waitUntil(() => cache.status !== 'ready', BOUND);
    await expect(cache.get('k')).rejects.toThrow(/enableOfflineQueue/);
  });

  it('keeps reconnecting in the background until Redis appears', async () => {
    const port = await freePort();
    const late = client('cache', `redis://127.0.0.1:${port}`);
    expect(await connectRedisClient(late, 300)).toBe(false);
    const redis = await PrivateRedisServer.start(port);
    try {
      await vi.waitUntil(() => late.status === 'ready', BOUND);
      expect(await late.ping()).toBe('PONG');
    } finally {
      await closeRedisClient(late, 200);
      await redis.stop();
    }
  });

  it('resubscribes a subscriber connection after the server restarts (ioredis autoResubscribe)', async () => {
    const subscriber = client('subscriber');
    await connectRedisClient(subscriber);
    const received: string[] = [];
    subscriber.on('message', (_channel: string, message: string) => received.push(message));
    await subscriber.subscribe('news');
    await server.stop();
    await server.start();
    const publisher = client('command');
    await vi.waitUntil(async () => {
      await publisher.publish('news', 'after restart');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return received.length > 0;
    }, BOUND);
    expect(received[0]).toBe('after restart');
  }, 30_000);

  it('closes a client that is retrying a dead server at once, and it stops retrying', async () => {
    const port = await freePort();
    const retrying = client('command', `redis://127.0.0.1:${port}`);
    await connectRedisClient(retrying, 300);
    await vi.waitUntil(() => retrying.status === 'reconnecting', BOUND);
    const started = performance.now();
    await closeRedisClient(retrying, 1_000);
    expect(performance.now() - started).toBeLessThan(500);
    const redis = await PrivateRedisServer.start(port);
    try {
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(retrying.status).not.toBe('ready');
    } finally {
      await redis.stop();
    }
  });

  it('closes within its bound even when the server is frozen, and closing twice is harmless', async () => {
    const frozen = client('command');
    await connectRedisClient(frozen);
    server.pause();
    const started = performance.now();
    await closeRedisClient(frozen, 200);
    await closeRedisClient(frozen, 200);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(frozen.status).toBe('end');
  });
});
