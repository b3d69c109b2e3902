import { DrizzleQueryError } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { installRequestContext } from '../../../src/core/context/index.js';
import { serverOptions } from '../../../src/core/http/server/index.js';
import {
  createContextLogger,
  createLogger,
  errorLogFields,
  redactUrl,
} from '../../../src/core/logger/index.js';
import { LogCapture } from './log-capture.js';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.sig';
const PASSWORD = 'correct-horse-battery-staple';

describe('createLogger', () => {
  it('redacts credentials in headers and password-like fields at any usual depth', () => {
    const capture = new LogCapture();
    const logger = createLogger({ level: 'info', pretty: false, destination: capture });
    logger.info(
      {
        req: { method: 'POST', url: '/login', headers: { authorization: `Bearer ${TOKEN}` } },
        headers: { authorization: `Bearer ${TOKEN}`, cookie: `sid=${TOKEN}` },
        password: PASSWORD,
        body: { password: PASSWORD, refreshToken: TOKEN, profile: { secret: PASSWORD } },
        user: { accessToken: TOKEN, token: TOKEN },
      },
      'login attempt',
    );
    expect(capture.text()).not.toContain(TOKEN);
    expect(capture.text()).not.toContain(PASSWORD);
    const [record] = capture.records();
    expect(record?.body).toEqual({
      password: '[Redacted]',
      refreshToken: '[Redacted]',
      profile: { secret: '[Redacted]' },
    });
  });

  it('writes plain JSON with the name and level', () => {
    const capture = new LogCapture();
    const logger = createLogger({
      level: 'warn',
      pretty: false,
      name: 'keel',
      destination: capture,
    });
    logger.info('hidden');
    logger.warn('shown');
    expect(capture.records()).toMatchObject([{ name: 'keel', level: 40, msg: 'shown' }]);
  });

  it('gives providers a child logger carrying their context', () => {
    const capture = new LogCapture();
    const root = createLogger({ level: 'info', pretty: false, destination: capture });
    createContextLogger(root, 'UserService').info('created');
    expect(capture.records()[0]).toMatchObject({ context: 'UserService', msg: 'created' });
  });
});

describe('errorLogFields', () => {
  it('keeps the name, SQLSTATE and stack frames of a Drizzle error, never its parameters', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      name: 'PostgresError',
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (email)=(alice@example.com) already exists.',
    });
    const error = new DrizzleQueryError(
      'insert into users values ($1)',
      ['alice@example.com'],
      cause,
    );
    const fields = errorLogFields(error);
    expect(JSON.stringify(fields)).not.toContain('alice@example.com');
    expect(fields).toMatchObject({
      type: 'DrizzleQueryError',
      cause: { type: 'PostgresError', code: '23505' },
    });
    expect(fields.stack).toMatch(/^\s+at /);
  });

  it('keeps the message and stack of an ordinary error', () => {
    const fields = errorLogFields(new TypeError('x is not a function'));
    expect(fields).toMatchObject({ type: 'TypeError', message: 'x is not a function' });
    expect(fields.stack).toContain('TypeError: x is not a function');
  });
});

describe('redactUrl', () => {
  it('hides credential query parameters and keeps the rest', () => {
    expect(redactUrl('/ws?lang=es&token=abc&access_token=def#x')).toBe(
      '/ws?lang=es&token=[Redacted]&access_token=[Redacted]#x',
    );
    expect(redactUrl('/users/1')).toBe('/users/1');
    expect(redactUrl('/auth/oidc/acme/callback?code=abc&state=s1')).toBe(
      '/auth/oidc/acme/callback?code=[Redacted]&state=s1',
    );
  });
});

describe('request logging', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function serve(capture: LogCapture) {
    const logger = createLogger({ level: 'info', pretty: false, destination: capture });
    app = Fastify(serverOptions({ loggerInstance: logger }));
    installRequestContext(app);
    app.post('/login', async (request) => {
      request.log.info({ body: request.body }, 'login attempt');
      return { ok: true };
    });
    return app;
  }

  it('writes one line per request with requestId, method, url, status and duration', async () => {
    const capture = new LogCapture();
    const server = await serve(capture);
    const response = await server.inject({
      method: 'POST',
      url: '/login?lang=es&token=abc',
      headers: { 'x-request-id': 'trace-42', authorization: `Bearer ${TOKEN}` },
      payload: { user: 'alice', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const completed = capture.records().filter((record) => record.msg === 'request completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({
      requestId: 'trace-42',
      method: 'POST',
      url: '/login?lang=es&token=[Redacted]',
      statusCode: 200,
    });
    expect(completed[0]?.responseTime).toEqual(expect.any(Number));
    expect(capture.records().some((record) => record.msg === 'incoming request')).toBe(false);
  });

  it('tags lines logged inside the request with its requestId and hides secrets', async () => {
    const capture = new LogCapture();
    const server = await serve(capture);
    await server.inject({
      method: 'POST',
      url: '/login',
      headers: { 'x-request-id': 'trace-43', authorization: `Bearer ${TOKEN}` },
      payload: { user: 'alice', password: PASSWORD },
    });
    const inside = capture.records().find((record) => record.msg === 'login attempt');
    expect(inside).toMatchObject({ requestId: 'trace-43', body: { password: '[Redacted]' } });
    expect(capture.text()).not.toContain(TOKEN);
    expect(capture.text()).not.toContain(PASSWORD);
  });
});
