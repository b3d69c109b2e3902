import { DrizzleQueryError } from 'drizzle-orm';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installRequestContext } from '../../../../src/core/context/index.js';
import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
  TooManyRequestsError,
} from '../../../../src/core/http/errors/index.js';
import {
  ErrorBody,
  errorBody,
  installErrorHandling,
  serverOptions,
} from '../../../../src/core/http/server/index.js';
import { createLogger } from '../../../../src/core/logger/index.js';
import { LogCapture } from '../../logger/log-capture.js';

const CreateUser = z.strictObject({ email: z.email(), age: z.number().int().min(18) });
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

function buildApp(options: { production: boolean; capture: LogCapture }): FastifyInstance {
  const logger = createLogger({ level: 'debug', pretty: false, destination: options.capture });
  const app = Fastify(serverOptions({ bodyLimit: 1024, loggerInstance: logger }));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installRequestContext(app);
  installErrorHandling(app, { production: options.production });
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const userResponse = { 201: CreateUser, 400: ErrorBody };
  routes.post('/users', { schema: { body: CreateUser, response: userResponse } }, async (req) => {
    return req.body;
  });
  routes.get('/items', { schema: { querystring: ListQuery } }, async (req) => req.query);
  routes.get('/boom', async () => {
    throw new Error('secret internal detail');
  });
  routes.get('/db', async () => {
    const cause = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
    throw new DrizzleQueryError('select * from users where email = $1', ['bob@example.com'], cause);
  });
  routes.get('/conflict', async () => {
    throw new ConflictError({ details: { field: 'email' } });
  });
  routes.get('/unavailable', async () => {
    throw new ServiceUnavailableError({ details: { dependency: 'redis' } });
  });
  routes.get('/throttled', async () => {
    throw new TooManyRequestsError({ headers: { 'retry-after': '10' } });
  });
  routes.get('/zod', async () => z.object({ name: z.string().min(2) }).parse({ name: 'x' }));
  routes.get('/fastify-4xx', async () => {
    throw Object.assign(new Error('Method Not Allowed'), { statusCode: 405, code: 'FST_ERR_X' });
  });
  return app;
}

describe('installErrorHandling', () => {
  let app: FastifyInstance | undefined;
  let capture: LogCapture;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function call(request: InjectOptions, production = false) {
    capture = new LogCapture();
    app = buildApp({ production, capture });
    const response = await app.inject(request);
    const body = response.json() as ErrorBody;
    expect(body.requestId).toBe(response.headers['x-request-id']);
    return { status: response.statusCode, body, headers: response.headers };
  }

  it('answers 400 VALIDATION_FAILED with translated details and body paths', async () => {
    const { status, body } = await call({
      method: 'POST',
      url: '/users?lang=es',
      payload: { email: 'nope', age: 'old', isAdmin: true },
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Algunos campos no son válidos. Consulte details para corregirlos.',
    });
    expect(body.details).toEqual(
      expect.arrayContaining([
        { path: 'body.email', message: 'Inválido dirección de correo electrónico' },
        { path: 'body.age', message: 'Entrada inválida: se esperaba número, recibido texto' },
        { path: 'body', message: 'Llave desconocida: "isAdmin"' },
      ]),
    );
  });

  it('reports a missing body field as received undefined, in pt-BR from Accept-Language', async () => {
    const { body } = await call({
      method: 'POST',
      url: '/users',
      headers: { 'accept-language': 'pt-PT' },
      payload: { email: 'a@b.co' },
    });
    expect(body.details).toEqual([
      {
        path: 'body.age',
        message: 'Entrada inválida: esperava um número, recebeu um valor "undefined"',
      },
    ]);
  });

  it('prefixes query failures with query.', async () => {
    const { status, body } = await call({ method: 'GET', url: '/items?limit=500' });
    expect(status).toBe(400);
    expect(body.details).toEqual([
      { path: 'query.limit', message: 'Too big: expected number to be <=100' },
    ]);
  });

  it('answers 400 VALIDATION_FAILED for a ZodError thrown by code', async () => {
    const { status, body } = await call({ method: 'GET', url: '/zod' });
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual([
      { path: 'name', message: 'Too small: expected string to have >=2 characters' },
    ]);
  });

  it.each([
    ['malformed JSON', '{"email": '],
    ['a __proto__ key', '{"email":"a@b.co","age":20,"__proto__":{"admin":true}}'],
    ['a constructor.prototype key', '{"constructor":{"prototype":{"admin":true}}}'],
  ])('answers 400 INVALID_JSON for %s', async (_, payload) => {
    const { status, body } = await call({
      method: 'POST',
      url: '/users?lang=pt-BR',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_JSON');
    expect(body.message).toMatch(/^O corpo da requisição não é um JSON válido/);
  });

  it('answers 400 INVALID_JSON with a specific message for an empty JSON body', async () => {
    const { status, body } = await call({
      method: 'POST',
      url: '/users',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_JSON', message: expect.stringMatching(/empty/) });
  });

  it('answers 413 PAYLOAD_TOO_LARGE over the body limit', async () => {
    const payload = { email: `${'a'.repeat(2000)}@b.co`, age: 20 };
    const { status, body } = await call({ method: 'POST', url: '/users', payload });
    expect(status).toBe(413);
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a body it cannot parse', async () => {
    const { status, body } = await call({
      method: 'POST',
      url: '/users',
      headers: { 'content-type': 'application/xml' },
      payload: '<user/>',
    });
    expect(status).toBe(415);
    expect(body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 404 ROUTE_NOT_FOUND naming the method and path', async () => {
    const { status, body, headers } = await call({ method: 'DELETE', url: '/nowhere?lang=es' });
    expect(status).toBe(404);
    expect(body).toEqual({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: 'Ninguna ruta coincide con DELETE /nowhere. Compruebe la URL y el método HTTP.',
      requestId: headers['x-request-id'],
    });
  });

  it('keeps Fastify 4xx statuses with a generic code', async () => {
    const { status, body } = await call({ method: 'GET', url: '/fastify-4xx' });
    expect(status).toBe(405);
    expect(body.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers 500 INTERNAL with a generic message and logs the stack, not the body', async () => {
    const { status, body } = await call({ method: 'GET', url: '/boom' });
    expect(status).toBe(500);
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId', 'statusCode']);
    expect(body.code).toBe('INTERNAL');
    expect(JSON.stringify(body)).not.toContain('secret internal detail');
    const failure = capture.records().find((record) => record.msg === 'request failed');
    expect(failure).toMatchObject({ requestId: body.requestId, err: { type: 'Error' } });
    expect(JSON.stringify(failure)).toContain('at ');
  });

  it('never logs the bound parameters of a failed Drizzle query', async () => {
    const { status } = await call({ method: 'GET', url: '/db' });
    expect(status).toBe(500);
    const failure = capture.records().find((record) => record.msg === 'request failed');
    expect(failure).toMatchObject({
      err: { type: 'DrizzleQueryError', cause: { code: 'ECONNREFUSED' } },
    });
    expect(capture.text()).not.toContain('bob@example.com');
  });

  it('logs a 503 (a dependency down) below error level: the outage is reported once elsewhere', async () => {
    const { status, body } = await call({ method: 'GET', url: '/unavailable' });
    expect(status).toBe(503);
    const lines = capture.records().filter((record) => record.requestId === body.requestId);
    expect(lines.some((record) => record.msg === 'request failed')).toBe(false);
    expect(lines.filter((record) => Number(record.level) >= 50)).toEqual([]);
  });

  it('sends the headers of an HttpError', async () => {
    const { status, headers } = await call({ method: 'GET', url: '/throttled' });
    expect(status).toBe(429);
    expect(headers['retry-after']).toBe('10');
  });

  it('shows 5xx details in development and hides them in production', async () => {
    const development = await call({ method: 'GET', url: '/unavailable' });
    expect(development.body.details).toEqual({ dependency: 'redis' });
    const production = await call({ method: 'GET', url: '/unavailable' }, true);
    expect(production.status).toBe(503);
    expect(production.body).not.toHaveProperty('details');
  });

  it('keeps 4xx details in production', async () => {
    const { status, body } = await call({ method: 'GET', url: '/conflict' }, true);
    expect(status).toBe(409);
    expect(body.details).toEqual({ field: 'email' });
  });
});

describe('errorBody', () => {
  it('maps an error to the translated wire body', () => {
    expect(errorBody(new NotFoundError(), 'es', 'req-1')).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'El recurso solicitado no existe. Compruebe el identificador.',
      requestId: 'req-1',
    });
  });

  it('maps an unknown value to INTERNAL', () => {
    expect(errorBody('a thrown string', 'en', 'req-2')).toMatchObject({
      statusCode: 500,
      code: 'INTERNAL',
    });
  });

  it('matches the ErrorBody schema', () => {
    const body = errorBody(new ConflictError({ details: { a: 1 } }), 'pt-BR', 'req-3');
    expect(ErrorBody.parse(body)).toEqual(body);
  });
});
