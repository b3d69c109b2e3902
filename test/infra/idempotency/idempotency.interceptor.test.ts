/** IdempotencyInterceptor in a real app (memory store): one run per key, replays, refusals. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '#core';
import { resetRuns, runs, shopApp } from './idempotency-test-app.js';

describe('IdempotencyInterceptor (memory)', () => {
  let app: App;
  let n = 0;
  const fresh = () => `key-${Date.now()}-${++n}`;
  const post = (url: string, key?: string, body: unknown = {}, user?: string) =>
    app.inject({
      method: 'POST',
      url,
      payload: body as object,
      headers: {
        ...(key === undefined ? {} : { 'idempotency-key': key }),
        ...(user === undefined ? {} : { 'x-user': user }),
      },
    });

  beforeAll(async () => {
    app = await shopApp({ driver: 'memory' });
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => resetRuns());

  it('runs the first request and replays it on retry: status, body, headers, no second run', async () => {
    const key = fresh();
    const first = await post('/shop/orders', key, { item: 'tea' }, 'ana');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ id: 1, item: 'tea', by: 'ana' });
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await post('/shop/orders', key, { item: 'tea' }, 'ana');
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers.location).toBe('/shop/orders/1');
    expect(retry.headers['content-type']).toBe(first.headers['content-type']);
    expect(retry.headers['x-order-version']).toBe('3');
    expect(retry.headers['x-not-stored']).toBeUndefined();
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(runs.orders).toBe(1);
  });

  it('accepts the structured-field quoted form as the same key as the bare one', async () => {
    const key = fresh();
    await post('/shop/orders', `"${key}"`, { item: 'tea' });
    const retry = await post('/shop/orders', key, { item: 'tea' });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(runs.orders).toBe(1);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
    const key = fresh();
    await post('/shop/orders', key, { item: 'tea' });
    const reused = await post('/shop/orders', key, { item: 'coffee' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(reused.json().message).toMatch(/different request/);
    expect(runs.orders).toBe(1);
  });

  it('does not share keys between two callers', async () => {
    const key = fresh();
    const ana = await post('/shop/orders', key, { item: 'tea' }, 'ana');
    const bob = await post('/shop/orders', key, { item: 'tea' }, 'bob');
    expect(bob.statusCode).toBe(201);
    expect(bob.headers['idempotent-replayed']).toBeUndefined();
    expect(bob.json()).toMatchObject({ by: 'bob' });
    expect(ana.json()).toMatchObject({ by: 'ana' });
    expect(runs.orders).toBe(2);
  });

  it('answers 409 IDEMPOTENCY_IN_PROGRESS with Retry-After while the first run is going', async () => {
    const key = fresh();
    const first = post('/shop/slow', key);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await post('/shop/slow', key);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    expect(second.headers['retry-after']).toBe('1');
    expect((await first).statusCode).toBe(201);
    expect(runs.slow).toBe(1);
  });

  it('runs again after a 5xx first attempt (never stored)', async () => {
    const key = fresh();
    expect((await post('/shop/flaky', key)).statusCode).toBe(500);
    const retry = await post('/shop/flaky', key);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual({ run: 2 });
    const again = await post('/shop/flaky', key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(runs.flaky).toBe(2);
  });

  it('stores a thrown 4xx and replays its status on a POST route (not the route default 201)', async () => {
    const key = fresh();
    const first = await post('/shop/missing', key);
    expect(first.statusCode).toBe(404);
    const retry = await post('/shop/missing', key);
    expect(retry.statusCode).toBe(404);
    expect(retry.body).toBe(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(runs.missing).toBe(1);
  });

  it('replays an empty 204 answer', async () => {
    const key = fresh();
    const del = () =>
      app.inject({ method: 'DELETE', url: '/shop/orders/9', headers: { 'idempotency-key': key } });
    expect((await del()).statusCode).toBe(204);
    const retry = await del();
    expect(retry.statusCode).toBe(204);
    expect(retry.body).toBe('');
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(runs.remove).toBe(1);
  });

  it('runs every request without a key; a required key answers 400 IDEMPOTENCY_KEY_REQUIRED', async () => {
    await post('/shop/orders', undefined, { item: 'tea' });
    await post('/shop/orders', undefined, { item: 'tea' });
    expect(runs.orders).toBe(2);
    const missing = await post('/shop/strict');
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
    expect((await post('/shop/strict', fresh())).statusCode).toBe(201);
    expect(runs.strict).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['non-ASCII', 'clé'],
    ['with a space', 'a b'],
    ['an unclosed quote', '"abc'],
  ])('answers 400 IDEMPOTENCY_KEY_INVALID for a key that is %s', async (_label, key) => {
    const response = await post('/shop/strict', key);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID' });
    expect(runs.strict).toBe(0);
  });

  it('leaves routes without @Idempotent alone', async () => {
    const key = fresh();
    await post('/shop/plain', key);
    const second = await post('/shop/plain', key);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(runs.plain).toBe(2);
  });

  it('translates its messages', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/shop/strict',
      headers: { 'accept-language': 'es' },
    });
    expect(response.json().message).toMatch(/necesita una cabecera Idempotency-Key/);
  });
});
