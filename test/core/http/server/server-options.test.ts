import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { serverOptions } from '../../../../src/core/http/server/index.js';

describe('serverOptions', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('configures limits, timeouts and shutdown behaviour without deprecated options', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }) => warnings.push(String(warning.code));
    process.on('warning', onWarning);
    try {
      app = Fastify(serverOptions({ bodyLimit: 2048, trustProxy: true, requestTimeout: 5000 }));
      await app.ready();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((code) => code.startsWith('FSTDEP'))).toEqual([]);
    expect(app.initialConfig).toMatchObject({
      bodyLimit: 2048,
      requestTimeout: 5000,
      connectionTimeout: 0,
      keepAliveTimeout: 72_000,
      onProtoPoisoning: 'error',
      onConstructorPoisoning: 'error',
    });
  });

  it('ignores a trailing slash when routing', async () => {
    app = Fastify(serverOptions());
    app.get('/ping', async () => ({ ok: true }));
    expect((await app.inject({ method: 'GET', url: '/ping/' })).statusCode).toBe(200);
  });

  it('takes request.id from a sane x-request-id header only', async () => {
    app = Fastify(serverOptions());
    app.get('/id', async (request) => ({ id: request.id }));
    const sane = await app.inject({
      method: 'GET',
      url: '/id',
      headers: { 'x-request-id': 'a-1' },
    });
    expect(sane.json()).toEqual({ id: 'a-1' });
    const unsafe = await app.inject({
      method: 'GET',
      url: '/id',
      headers: { 'x-request-id': 'a b\u00e9' },
    });
    expect((unsafe.json() as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads the request id from a custom header', async () => {
    app = Fastify(serverOptions({ requestIdHeader: 'x-correlation-id' }));
    app.get('/id', async (request) => ({ id: request.id }));
    const response = await app.inject({
      method: 'GET',
      url: '/id',
      headers: { 'x-correlation-id': 'corr-9' },
    });
    expect(response.json()).toEqual({ id: 'corr-9' });
  });
});
