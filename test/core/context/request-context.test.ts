import { Agent, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  genReqId,
  installRequestContext,
  RequestContext,
  type RequestContextData,
} from '../../../src/core/context/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Stage = 'preValidation' | 'preHandler' | 'handler' | 'errorHandler' | 'onSend';

/** A server that records, per request id, the context each stage saw. */
function buildServer(seen: Map<string, Partial<Record<Stage, RequestContextData>>>) {
  const app = Fastify({ genReqId, requestIdHeader: false });
  installRequestContext(app, { defaultLang: 'en' });
  const record = (id: string, stage: Stage) => {
    const entry = seen.get(id) ?? {};
    const context = RequestContext.current();
    if (context) entry[stage] = context;
    seen.set(id, entry);
  };
  app.addHook('preValidation', async (request) => record(request.id, 'preValidation'));
  app.addHook('preHandler', async (request) => record(request.id, 'preHandler'));
  app.addHook('onSend', async (request) => record(request.id, 'onSend'));
  app.setErrorHandler((error, request, reply) => {
    record(request.id, 'errorHandler');
    return reply.code(500).send({ failed: String(error) });
  });
  app.post('/work', async (request) => {
    for (let i = 0; i < 3; i += 1) {
      await sleep(Math.floor(Math.random() * 10));
      await Promise.resolve();
    }
    record(request.id, 'handler');
    const body = request.body as { fail?: boolean };
    if (body.fail) throw new Error('boom');
    return { requestId: RequestContext.current()?.requestId };
  });
  return app;
}

describe('request context', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is undefined outside a request and set inside RequestContext.run after awaits', async () => {
    expect(RequestContext.current()).toBeUndefined();
    const seen = await RequestContext.run({ requestId: 'job-1', lang: 'es' }, async () => {
      await sleep(1);
      await Promise.resolve();
      return RequestContext.current();
    });
    expect(seen).toEqual({ requestId: 'job-1', lang: 'es' });
    expect(RequestContext.current()).toBeUndefined();
  });

  it('reaches later hooks, the async handler and the error handler (inject)', async () => {
    const seen = new Map<string, Partial<Record<Stage, RequestContextData>>>();
    app = buildServer(seen);
    const ok = await app.inject({ method: 'POST', url: '/work', payload: {} });
    const failed = await app.inject({ method: 'POST', url: '/work', payload: { fail: true } });
    expect(ok.statusCode).toBe(200);
    expect(failed.statusCode).toBe(500);
    const okStages = seen.get(String(ok.headers['x-request-id']));
    expect(Object.keys(okStages ?? {}).sort()).toEqual([
      'handler',
      'onSend',
      'preHandler',
      'preValidation',
    ]);
    const failedStages = seen.get(String(failed.headers['x-request-id']));
    expect(failedStages?.errorHandler?.requestId).toBe(failed.headers['x-request-id']);
    expect(failedStages?.onSend?.requestId).toBe(failed.headers['x-request-id']);
  });

  it('keeps concurrent requests apart over real HTTP with keep-alive', async () => {
    const seen = new Map<string, Partial<Record<Stage, RequestContextData>>>();
    app = buildServer(seen);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const responses = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const response = await fetch(`${address}/work`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': `req-${i}` },
          body: JSON.stringify({ fail: i % 4 === 0, padding: 'x'.repeat(i * 2000) }),
        });
        return { i, status: response.status, body: (await response.json()) as object };
      }),
    );
    for (const { i, status, body } of responses) {
      const stages = seen.get(`req-${i}`) ?? {};
      const expected: Stage[] =
        i % 4 === 0
          ? ['errorHandler', 'handler', 'onSend', 'preHandler', 'preValidation']
          : ['handler', 'onSend', 'preHandler', 'preValidation'];
      expect(Object.keys(stages).sort()).toEqual(expected);
      for (const context of Object.values(stages)) expect(context.requestId).toBe(`req-${i}`);
      if (status === 200) expect(body).toEqual({ requestId: `req-${i}` });
    }
  });

  // Measured: `als.enterWith` in onRequest leaks each request's context into the socket's, so
  // the next request on a keep-alive connection starts inside the previous one's context.
  it('does not leak into the next request of a keep-alive connection', async () => {
    const before: Array<RequestContextData | undefined> = [];
    app = Fastify({
      requestIdHeader: false,
      genReqId: (req) => {
        before.push(RequestContext.current());
        return genReqId(req);
      },
    });
    installRequestContext(app);
    app.get('/ping', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 3; i += 1) {
        await new Promise<void>((resolve, reject) => {
          get({ agent, port, host: '127.0.0.1', path: '/ping' }, (response) => {
            response.resume();
            response.on('end', resolve);
          }).on('error', reject);
        });
      }
    } finally {
      agent.destroy();
    }
    expect(before).toEqual([undefined, undefined, undefined]);
  });
});

describe('installRequestContext', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function contextFor(headers: Record<string, string>, url = '/ctx') {
    app = Fastify({ genReqId, requestIdHeader: false });
    installRequestContext(app, { defaultLang: 'es' });
    app.get('/ctx', async (request) => ({ context: RequestContext.current(), id: request.id }));
    const response = await app.inject({ method: 'GET', url, headers });
    return {
      header: response.headers['x-request-id'],
      ...(response.json() as { context: RequestContextData; id: string }),
    };
  }

  it('keeps a sane incoming x-request-id, echoes it and matches request.id', async () => {
    const result = await contextFor({ 'x-request-id': 'abc.DEF_1:2-3' });
    expect(result.context.requestId).toBe('abc.DEF_1:2-3');
    expect(result.header).toBe('abc.DEF_1:2-3');
    expect(result.id).toBe('abc.DEF_1:2-3');
  });

  it.each([
    ['characters outside the allowed set', 'bad id<script>'],
    ['more than 128 characters', 'a'.repeat(129)],
  ])('replaces an incoming id with %s by a UUID', async (_, incoming) => {
    const result = await contextFor({ 'x-request-id': incoming });
    expect(result.context.requestId).toMatch(UUID);
    expect(result.header).toBe(result.context.requestId);
    expect(result.id).toBe(result.context.requestId);
  });

  it('generates a UUID without an incoming id', async () => {
    const result = await contextFor({});
    expect(result.context.requestId).toMatch(UUID);
    expect(result.header).toBe(result.context.requestId);
  });

  it('negotiates the language from ?lang=, then Accept-Language, then the default', async () => {
    expect((await contextFor({ 'accept-language': 'pt' }, '/ctx?lang=en')).context.lang).toBe('en');
    expect((await contextFor({ 'accept-language': 'pt-PT,es;q=0.5' })).context.lang).toBe('pt-BR');
    expect((await contextFor({ 'accept-language': 'fr' })).context.lang).toBe('es');
  });

  it('extracts the raw bearer token and ignores other schemes', async () => {
    const bearer = await contextFor({ authorization: 'Bearer abc.def.ghi' });
    expect(bearer.context.bearerToken).toBe('abc.def.ghi');
    const basic = await contextFor({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(basic.context).not.toHaveProperty('bearerToken');
  });
});
