/** IdempotencyModule over real sockets: concurrency on the memory store, a private Redis stopped. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '#core';
import { RedisModule } from '#infra/redis';
import { PrivateRedisServer, privateRedisAvailable } from '../../helpers/redis-server.js';
import { resetRuns, runs, shopApp } from './idempotency-test-app.js';

const send = (base: string, url: string, key?: string) =>
  fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: '{}',
  });

describe('IdempotencyModule over HTTP (memory)', () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    app = await shopApp({ driver: 'memory' });
    base = await app.listen();
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => resetRuns());

  it('20 concurrent requests with one key run the handler once; the others 409 or replay', async () => {
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => send(base, '/shop/slow', key)),
    );
    const statuses = responses.map((response) => response.status);
    expect(runs.slow).toBe(1);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const retry = await send(base, '/shop/slow', key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual({ run: 1 });
  });
});

if (privateRedisAvailable('IdempotencyModule with Redis')) {
  describe('IdempotencyModule (redis)', () => {
    let redis: PrivateRedisServer;
    let app: App;
    beforeAll(async () => {
      redis = await PrivateRedisServer.start();
      app = await shopApp(
        { driver: 'redis', prefix: `keel-test:${randomUUID()}:`, timeoutMs: 200 },
        [RedisModule.forRoot({ url: redis.url })],
      );
    });
    afterAll(async () => {
      await app?.close();
      await redis?.stop();
    });
    beforeEach(() => resetRuns());

    const post = (url: string, key?: string) =>
      app.inject({
        method: 'POST',
        url,
        payload: {},
        headers: key ? { 'idempotency-key': key } : {},
      });

    it('20 concurrent keyed requests run the handler once through Redis', async () => {
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => post('/shop/slow', key)),
      );
      expect(runs.slow).toBe(1);
      const statuses = responses.map((response) => response.statusCode);
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    });

    it('replays through Redis, then answers 503 for keyed requests while Redis is down', async () => {
      const key = randomUUID();
      expect((await post('/shop/plain', key)).statusCode).toBe(201);
      expect((await post('/shop/strict', key)).statusCode).toBe(201);
      const retry = await post('/shop/strict', key);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(runs.strict).toBe(1);

      await redis.stop();
      const started = Date.now();
      const down = await post('/shop/strict', randomUUID());
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(down.headers['retry-after']).toBe('1');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(runs.strict).toBe(1);
      const unkeyed = await post('/shop/plain');
      expect(unkeyed.statusCode).toBe(201);
      expect(runs.plain).toBe(2);
    });
  });
}
