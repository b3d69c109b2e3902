/** RateLimitGuard when its Redis store goes away: fail open or 503, one warning per outage. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { App } from '#core';
import { RedisModule } from '#infra/redis';
import { createLogger } from '../../../src/core/logger/index.js';
import { LogCapture } from '../../core/logger/log-capture.js';
import { PrivateRedisServer, privateRedisAvailable } from '../../helpers/redis-server.js';
import { limitedApp } from './rate-limit-test-app.js';

describe.runIf(privateRedisAvailable('RateLimitGuard outage'))('RateLimitGuard outage', () => {
  let server: PrivateRedisServer;
  let app: App;
  const capture = new LogCapture();

  beforeAll(async () => {
    server = await PrivateRedisServer.start();
    app = await limitedApp(
      // Closed by default; the shared policy opts back into failing open.
      {
        driver: 'redis',
        failOpen: false,
        timeoutMs: 100,
        policies: { shared: { limit: 2, windowMs: 60_000, failOpen: true } },
      },
      {
        imports: [RedisModule.forRoot({ url: server.url })],
        app: { logger: createLogger({ level: 'info', pretty: false, destination: capture }) },
      },
    );
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  const guardWarnings = () =>
    capture
      .records()
      .filter((r) => r.level === 40 && String(r.msg).startsWith('rate-limit store unavailable'));

  it('counts in Redis, then fails open or closed per policy while it is down', async () => {
    const counted = await app.inject({ url: '/rl/ip' });
    expect(counted.statusCode).toBe(200);
    expect(counted.headers.ratelimit).toMatch(/;r=1;/);

    await server.stop();
    for (let i = 0; i < 4; i += 1) {
      const open = await app.inject({ url: '/rl/a' });
      expect(open.statusCode).toBe(200);
      expect(open.headers.ratelimit).toBeUndefined();
      expect(open.headers['ratelimit-policy']).toBeUndefined();
      const closed = await app.inject({ url: '/rl/ip' });
      expect(closed.statusCode).toBe(503);
      expect(closed.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(closed.headers['retry-after']).toBe('5');
    }
    expect(guardWarnings()).toHaveLength(1);

    // Back: counted again (after the breaker's cooldown) and one info line says so.
    await server.start();
    await vi.waitUntil(
      async () => (await app.inject({ url: '/rl/a' })).headers.ratelimit !== undefined,
      { timeout: 15_000, interval: 200 },
    );
    const infos = capture
      .records()
      .filter((r) => r.msg === 'rate-limit store is back: routes limited again');
    expect(infos).toHaveLength(1);
    expect(guardWarnings()).toHaveLength(1);
  }, 30_000);
});
