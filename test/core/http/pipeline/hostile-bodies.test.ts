import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type App, Body, Controller, createTestingModule, Post } from '#core';

const Order = z.object({
  sku: z.string().min(1).max(40),
  quantity: z.number().int().min(1).max(1000),
  note: z.string().max(200).optional(),
  tags: z.array(z.string().max(20)).max(10).optional(),
});

@Controller('/orders')
class OrderController {
  @Post('/', { body: Order })
  create(@Body() order: z.infer<typeof Order>) {
    return { accepted: order.sku };
  }
}

const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: deep(depth - 1) });

const hostile = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.record({
    sku: fc.anything(),
    quantity: fc.anything(),
    note: fc.anything(),
    tags: fc.anything(),
  }),
  fc.string({ maxLength: 5000 }).map((s) => ({ sku: s, quantity: 1 })),
  fc.integer({ min: 50, max: 3000 }).map((n) => deep(n)),
  fc
    .constantFrom('__proto__', 'constructor', 'prototype')
    .map((key) => `{"sku":"a","quantity":1,"${key}":{"polluted":true}}`),
  fc.string({ maxLength: 200 }),
);

describe('hostile bodies on a validated route', () => {
  let app: App;
  beforeAll(async () => {
    app = await createTestingModule({ controllers: [OrderController] }).compile({
      http: { bodyLimit: 64 * 1024 },
    });
  });
  afterAll(() => app.close());

  it('answers only 2xx or 4xx, never 5xx, and the app keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (body) => {
        const payload = typeof body === 'string' ? body : (JSON.stringify(body) ?? 'null');
        const res = await app.inject({
          method: 'POST',
          url: '/orders',
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expect(
          res.statusCode,
          `${res.statusCode} for ${payload.slice(0, 120)}: ${res.body.slice(0, 200)}`,
        ).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json()).toHaveProperty('code');
      }),
      { numRuns: 300 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ok = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: { sku: 'a', quantity: 2 },
    });
    expect(ok.statusCode).toBe(201);
  });
});
