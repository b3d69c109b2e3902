/**
 * Over HTTP, an app on the JSON Schema path answers exactly as the same app with every schema on
 * Zod (`http.jsonSchemas: false`): statuses, bodies (details and messages in every language),
 * headers, coercion, stripping; and KEEL_DEBUG_SCHEMAS reports which path each schema took.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type App, Body, Controller, createTestingModule, Get, Param, Post, Query } from '#core';
import { decideSchema } from '../../../../src/core/http/compiler/schema/schema-decision.js';
import {
  schemaReporter,
  schemaReportRequested,
} from '../../../../src/core/http/compiler/schema/schema-report.js';

const Order = z.object({
  sku: z.string().min(2).max(8),
  quantity: z.int().min(1).max(99),
  email: z.email(),
  note: z.string().max(20).optional(),
  tags: z.array(z.string().max(5)).max(3).default([]),
  address: z.object({ city: z.string(), zip: z.string().regex(/^\d{5}$/) }).optional(),
});
const OrderOut = z.object({
  id: z.uuid(),
  sku: z.string(),
  quantity: z.int(),
  tags: z.array(z.string()),
});
const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  sort: z.enum(['asc', 'desc']).optional(),
});
const IdParams = z.object({ id: z.uuid() });
const Trimmed = z.object({ name: z.string().trim().min(1) });

const ID = '123e4567-e89b-12d3-a456-426614174000';

@Controller('/orders')
class OrderController {
  @Post('/', { body: Order, response: { 201: OrderOut } })
  create(@Body() order: z.infer<typeof Order>) {
    // Extra fields the response schema does not name must not reach the client.
    return { ...order, id: ID, secret: 'internal' };
  }

  @Get('/', { query: ListQuery })
  list(@Query() query: z.infer<typeof ListQuery>) {
    return { query, types: [typeof query.limit] };
  }

  @Get('/:id', { params: IdParams, response: { 200: OrderOut } })
  find(@Param('id') id: string) {
    // The second answer breaks the response schema on purpose (a 500 on both paths).
    const broken = { id, sku: 5 } as unknown as z.infer<typeof OrderOut>;
    return id === ID ? { id, sku: 'ab', quantity: 1, tags: [], secret: 'x' } : broken;
  }

  @Post('/trimmed', { body: Trimmed })
  trimmed(@Body() body: z.infer<typeof Trimmed>) {
    return body;
  }
}

const LANGS = ['en', 'es', 'pt-BR'];

const REQUESTS: Array<{ method: 'GET' | 'POST'; url: string; payload?: string }> = [
  { method: 'POST', url: '/orders', payload: '{"sku":"ab","quantity":2,"email":"a@b.co"}' },
  {
    method: 'POST',
    url: '/orders',
    payload:
      '{"sku":"abc","quantity":3,"email":"a@b.co","tags":["x"],"address":{"city":"P","zip":"12345","extra":1}}',
  },
  {
    method: 'POST',
    url: '/orders',
    payload: '{"sku":"ab","quantity":2,"email":"a@b.co","admin":true}',
  },
  { method: 'POST', url: '/orders', payload: '{"sku":"a","quantity":0,"email":"nope","tags":"x"}' },
  { method: 'POST', url: '/orders', payload: '{"sku":"ab","quantity":"2","email":"a@b.co"}' },
  { method: 'POST', url: '/orders', payload: '{"sku":"a\\u0000b","quantity":2,"email":"a@b.co"}' },
  { method: 'POST', url: '/orders', payload: '{"sku":"😀😀","quantity":2,"email":"a@b.co"}' },
  {
    method: 'POST',
    url: '/orders',
    payload: '{"sku":"ab","quantity":2.5,"email":"a@b.co","address":{"zip":"1"}}',
  },
  { method: 'POST', url: '/orders', payload: '[]' },
  { method: 'POST', url: '/orders', payload: '{}' },
  { method: 'GET', url: '/orders' },
  { method: 'GET', url: '/orders?limit=5&sort=asc&other=1' },
  { method: 'GET', url: '/orders?limit=%205%20' },
  { method: 'GET', url: '/orders?limit=' },
  { method: 'GET', url: '/orders?limit=0x10' },
  { method: 'GET', url: '/orders?limit=abc&sort=up' },
  { method: 'GET', url: '/orders?limit=1&limit=2' },
  { method: 'GET', url: `/orders/${ID}` },
  { method: 'GET', url: '/orders/not-a-uuid' },
  { method: 'GET', url: '/orders/00000000-0000-0000-0000-000000000000' },
  { method: 'POST', url: '/orders/trimmed', payload: '{"name":"  Ada  "}' },
  { method: 'POST', url: '/orders/trimmed', payload: '{"name":"   "}' },
];

function comparable(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  const body = res.body === '' ? undefined : JSON.parse(res.body);
  if (body && typeof body === 'object' && 'requestId' in body) body.requestId = '<id>';
  return {
    status: res.statusCode,
    contentType: res.headers['content-type'],
    body,
    // Byte-for-byte on success: key order and formatting included.
    bytes: res.statusCode < 400 ? res.body : undefined,
  };
}

describe('JSON Schema path over HTTP', () => {
  let fast: App;
  let zod: App;
  beforeAll(async () => {
    fast = await createTestingModule({ controllers: [OrderController] }).compile();
    zod = await createTestingModule({ controllers: [OrderController] }).compile({
      http: { jsonSchemas: false },
    });
  });
  afterAll(async () => {
    await fast.close();
    await zod.close();
  });

  it.each(
    REQUESTS.flatMap((request) =>
      LANGS.map(
        (lang) =>
          [
            `${request.method} ${request.url} ${request.payload ?? ''} (${lang})`,
            request,
            lang,
          ] as const,
      ),
    ),
  )('%s answers as the Zod path does', async (_name, request, lang) => {
    const options = {
      ...request,
      headers: { 'content-type': 'application/json', 'accept-language': lang },
    };
    const [a, b] = await Promise.all([fast.inject(options), zod.inject(options)]);
    expect(comparable(a)).toEqual(comparable(b));
  });

  it('strips undeclared response fields and keeps the schema key order', async () => {
    const res = await fast.inject({ method: 'GET', url: `/orders/${ID}` });
    expect(res.body).toBe(`{"id":"${ID}","sku":"ab","quantity":1,"tags":[]}`);
  });

  it('answers a response that breaks its schema with 500, as Zod does', async () => {
    const res = await fast.inject({
      method: 'GET',
      url: '/orders/00000000-0000-0000-0000-000000000000',
    });
    expect(res.statusCode).toBe(500);
  });

  it('coerces the query as z.coerce does and fills defaults', async () => {
    const res = await fast.inject({ method: 'GET', url: '/orders?limit=%2012%20&extra=x' });
    expect(res.json()).toEqual({ query: { limit: 12 }, types: ['number'] });
  });

  it('keeps trim() on the Zod path and says why', () => {
    expect(decideSchema(Trimmed, 'body')).toEqual({
      exact: false,
      reason: 'a value rewrite (trim, toLowerCase, overwrite...) at name',
    });
    expect(decideSchema(Order.strict(), 'body').exact).toBe(true);
  });

  it('reports each route schema when KEEL_DEBUG_SCHEMAS is set', () => {
    expect(schemaReportRequested({ KEEL_DEBUG_SCHEMAS: '1' })).toBe(true);
    expect(schemaReportRequested({ KEEL_DEBUG_SCHEMAS: '0' })).toBe(false);
    expect(schemaReportRequested({})).toBe(false);
    const lines: string[] = [];
    const report = schemaReporter((line) => lines.push(line));
    report('POST /orders/trimmed body', decideSchema(Trimmed, 'body'));
    report('GET /orders querystring', decideSchema(ListQuery, 'coerced'));
    expect(lines).toEqual([
      'keel schemas: POST /orders/trimmed body -> zod (a value rewrite (trim, toLowerCase, overwrite...) at name)\n',
      'keel schemas: GET /orders querystring -> json-schema\n',
    ]);
  });
});
