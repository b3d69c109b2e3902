import { Writable } from 'node:stream';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type App,
  Body,
  Controller,
  createTestingModule,
  Get,
  Headers,
  Post,
  RequestContext,
  UseGuards,
} from '#core';
import { createLogger } from '../../../../src/core/logger/index.js';

const Signup = z.object({
  email: z.email(),
  password: z.string().min(8),
  age: z.number().int().min(18),
});

@Controller('/accounts', { tags: ['accounts'] })
class AccountController {
  @Post('/', { body: Signup, summary: 'Create an account' })
  create(@Body() body: z.infer<typeof Signup>, @Headers('authorization') auth?: string) {
    RequestContext.current();
    return { email: body.email, hasAuth: Boolean(auth) };
  }

  @Get('/context')
  context() {
    const ctx = RequestContext.current();
    return { requestId: ctx?.requestId, lang: ctx?.lang, token: ctx?.bearerToken };
  }

  @Get('/guarded')
  @UseGuards({ canActivate: () => false })
  guarded() {
    return {};
  }
}

describe('the wire: errors, languages, request ids, logs and OpenAPI through a real app', () => {
  let app: App;
  const lines: string[] = [];
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await createTestingModule({ controllers: [AccountController] }).compile({
      logger: createLogger({ level: 'debug', pretty: false, destination }),
      http: {
        bodyLimit: 1024,
        helmet: true,
        corsOrigins: ['https://app.example'],
        docs: { title: 'Test', version: '1.0.0' },
      },
    });
  });
  afterAll(() => app.close());

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/accounts',
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('translates validation messages into en, es and pt-BR, with details per field', async () => {
    const bad = { email: 'nope', password: 'x', age: 12 };
    const en = (await post(bad)).json();
    const es = (await post(bad, { 'accept-language': 'es-MX,es;q=0.9' })).json();
    const pt = (
      await app.inject({
        method: 'POST',
        url: '/accounts?lang=pt-BR',
        payload: bad,
      })
    ).json();
    for (const body of [en, es, pt]) {
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'body.age',
        'body.email',
        'body.password',
      ]);
    }
    expect(en.message).not.toBe(es.message);
    expect(es.message).not.toBe(pt.message);
    expect(en.details[0].message).not.toBe(es.details[0].message);
  });

  it('maps bad JSON, prototype poisoning, oversize bodies and wrong media types', async () => {
    const badJson = await post('{"email":');
    expect([badJson.statusCode, badJson.json().code]).toEqual([400, 'INVALID_JSON']);
    const poisoned = await post(
      '{"email":"a@b.co","password":"12345678","age":20,"__proto__":{"isAdmin":true}}',
    );
    expect([poisoned.statusCode, poisoned.json().code]).toEqual([400, 'INVALID_JSON']);
    const big = await post({ email: 'a@b.co', password: 'x'.repeat(2000), age: 20 });
    expect([big.statusCode, big.json().code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const xml = await app.inject({
      method: 'POST',
      url: '/accounts',
      payload: '<a/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect([xml.statusCode, xml.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('echoes a sane x-request-id, replaces an insane one, and exposes it to the handler', async () => {
    const sane = await app.inject({
      url: '/accounts/context',
      headers: { 'x-request-id': 'abc-123', authorization: 'Bearer t0k' },
    });
    expect(sane.headers['x-request-id']).toBe('abc-123');
    expect(sane.json()).toEqual({ requestId: 'abc-123', lang: 'en', token: 't0k' });
    const insane = await app.inject({
      url: '/accounts/context',
      headers: { 'x-request-id': 'bad id\u0000<script>' },
    });
    expect(insane.headers['x-request-id']).not.toContain('script');
    expect(insane.json().requestId).toBe(insane.headers['x-request-id']);
  });

  it('every error body carries the requestId of the response header', async () => {
    const res = await app.inject('/accounts/guarded');
    expect(res.statusCode).toBe(403);
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('logs one line per request without the bearer token or the password', async () => {
    lines.length = 0;
    await post(
      { email: 'a@b.co', password: 'hunter2hunter2', age: 30 },
      { authorization: 'Bearer s3cr3t-token' },
    );
    const log = lines.join('');
    expect(log).toContain('"statusCode":201');
    expect(log).not.toContain('s3cr3t-token');
    expect(log).not.toContain('hunter2hunter2');
  });

  it('sends security headers and honours the CORS allow-list', async () => {
    const allowed = await app.inject({
      url: '/accounts/context',
      headers: { origin: 'https://app.example' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(allowed.headers['x-content-type-options']).toBe('nosniff');
    const denied = await app.inject({
      url: '/accounts/context',
      headers: { origin: 'https://evil.example' },
    });
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves a valid OpenAPI 3 document with tags, summaries and the error shape', async () => {
    const res = await app.inject('/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const create = doc.paths['/accounts'].post;
    expect(create.tags).toEqual(['accounts']);
    expect(create.summary).toBe('Create an account');
    expect(JSON.stringify(create.responses['400'])).toContain('ErrorBody');
    expect((await app.inject('/docs')).statusCode).toBeLessThan(400);
  });
});
