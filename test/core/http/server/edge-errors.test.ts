/** Every status the server emits before or around routing leaves in Keel's error shape, on Node and Bun. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDGE_BODY_LIMIT } from '../../../fixtures/edge-server/edge-app.js';
import { type EdgeServer, type RawResponse, rawRequest, startEdgeServer } from './raw-http.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Asserts the error shape and returns the body. */
function errorShape(response: RawResponse, status: number, code: string): Record<string, unknown> {
  expect(response.status, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body).toMatchObject({ statusCode: status, code });
  expect(body.message).toEqual(expect.any(String));
  expect(body.requestId).toMatch(UUID);
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

const get = (target: string, headers = 'Host: x\r\n') => `GET ${target} HTTP/1.1\r\n${headers}\r\n`;
const post = (path: string, type: string, body: string, length = body.length) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\n${body}`;

describe.each(['node', 'bun'] as const)('edge errors under %s', (runtime) => {
  let server: EdgeServer;
  beforeAll(async () => {
    server = await startEdgeServer(runtime, { requestTimeoutMs: 5000 });
  }, 40_000);
  afterAll(() => server?.stop());

  const send = (request: string) => rawRequest(server.port, request, { untilClose: true });

  describe('answered by the runtime parser (clientErrorHandler)', () => {
    it('431 REQUEST_HEADER_FIELDS_TOO_LARGE for headers over the limit, then closes', async () => {
      const response = await send(get('/edge/ping', `Host: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n`));
      errorShape(response, 431, 'REQUEST_HEADER_FIELDS_TOO_LARGE');
      expect(response.headers.connection).toBe('close');
      expect(response.closed).toBe(true);
    });

    it('414 URI_TOO_LONG for a request line over the header limit', async () => {
      const response = await send(get(`/edge/ping?q=${'a'.repeat(20_000)}`));
      errorShape(response, 414, 'URI_TOO_LONG');
      expect(response.closed).toBe(true);
    });

    it('400 BAD_REQUEST for a malformed request line', async () => {
      const response = await send('GARBAGE\r\n\r\n');
      errorShape(response, 400, 'BAD_REQUEST');
      expect(response.headers.connection).toBe('close');
      expect(response.closed).toBe(true);
    });

    it('400 BAD_REQUEST for a malformed header and for conflicting Content-Lengths', async () => {
      errorShape(await send(get('/edge/ping', 'Host: x\r\nBad Header: 1\r\n')), 400, 'BAD_REQUEST');
      const smuggled =
        'POST /edge/notes HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab';
      errorShape(await send(smuggled), 400, 'BAD_REQUEST');
    });
  });

  describe('answered by Keel before the route', () => {
    it('400 BAD_REQUEST for two Host headers, closing the connection', async () => {
      const response = await send(get('/edge/ping', 'Host: a\r\nHost: b\r\n'));
      const body = errorShape(response, 400, 'BAD_REQUEST');
      expect(body.message).toMatch(/exactly one Host header/);
      expect(response.headers.connection).toBe('close');
    });

    it('400 BAD_REQUEST for HTTP/1.1 without Host; HTTP/1.0 may omit it', async () => {
      errorShape(await send('GET /edge/ping HTTP/1.1\r\n\r\n'), 400, 'BAD_REQUEST');
      const old = await rawRequest(server.port, 'GET /edge/ping HTTP/1.0\r\n\r\n');
      expect(old.status).toBe(200);
    });

    it('417 EXPECTATION_FAILED for an Expect header other than 100-continue', async () => {
      const request = post('/edge/notes', 'application/json', '{"text":"a"}').replace(
        'Host: x\r\n',
        'Host: x\r\nExpect: teapot\r\n',
      );
      const response = await send(request);
      errorShape(response, 417, 'EXPECTATION_FAILED');
      expect(response.headers.connection).toBe('close');
    });

    it('413 PAYLOAD_TOO_LARGE for a body over the limit', async () => {
      const big = `{"text":"${'a'.repeat(EDGE_BODY_LIMIT)}"}`;
      errorShape(
        await send(post('/edge/notes', 'application/json', big)),
        413,
        'PAYLOAD_TOO_LARGE',
      );
    });

    it('415 UNSUPPORTED_MEDIA_TYPE for text/plain (or XML) sent to an object body', async () => {
      const text = await rawRequest(server.port, post('/edge/notes', 'text/plain', 'hello'));
      errorShape(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const xml = await rawRequest(server.port, post('/edge/notes', 'application/xml', '<a/>'));
      errorShape(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('still reads text/plain on a route whose body schema is a string', async () => {
      const response = await rawRequest(server.port, post('/edge/text', 'text/plain', 'hello'));
      expect(response.status).toBe(201);
      expect(JSON.parse(response.body)).toEqual({ length: 5 });
    });

    it('404 ROUTE_NOT_FOUND for an unknown path and for a method the path does not have', async () => {
      const unknown = await rawRequest(server.port, get('/nope'));
      errorShape(unknown, 404, 'ROUTE_NOT_FOUND');
      const method = await rawRequest(server.port, 'DELETE /edge/ping HTTP/1.1\r\nHost: x\r\n\r\n');
      const body = errorShape(method, 404, 'ROUTE_NOT_FOUND');
      expect(body.message).toContain('DELETE /edge/ping');
    });
  });
});

describe('edge errors in the app language', () => {
  let server: EdgeServer;
  beforeAll(async () => {
    server = await startEdgeServer('node', { requestTimeoutMs: 5000, defaultLang: 'es' });
  });
  afterAll(() => server?.stop());

  it('answers a parse error in DEFAULT_LANG (there is no request to negotiate with)', async () => {
    const response = await rawRequest(server.port, 'GARBAGE\r\n\r\n', { untilClose: true });
    const body = errorShape(response, 400, 'BAD_REQUEST');
    expect(body.message).toMatch(/^La solicitud está mal formada/);
  });
});
