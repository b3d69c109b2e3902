/** The body receive deadline on Node (in-process) and Bun (child process), over real sockets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelMessages } from '../../../../src/core/i18n/kernel.messages.js';
import { TestClient } from '../../../infra/ws/ws-test-client.js';
import { type EdgeServer, rawRequest, startEdgeServer } from './raw-http.js';

const TIMEOUT_MS = 500;
// Generous: the deadline plus scheduling on a busy machine, far below the 30 s default.
const CLOSE_BOUND_MS = 5000;

const note = '{"text":"hello world"}';
const head = (path: string, body: string) =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;

describe.each(['node', 'bun'] as const)('body deadline under %s', (runtime) => {
  let server: EdgeServer;
  beforeAll(async () => {
    server = await startEdgeServer(runtime, { requestTimeoutMs: TIMEOUT_MS });
  }, 40_000);
  afterAll(() => server?.stop());

  it('answers 408 REQUEST_TIMEOUT in the error shape to a trickled body and closes the socket', async () => {
    const chunks = [head('/edge/notes', note), ...note.split('')];
    const response = await rawRequest(server.port, chunks, {
      intervalMs: 150,
      maxMs: CLOSE_BOUND_MS,
      untilClose: true,
    });
    console.info(`slow-body close time (${runtime}): ${response.elapsedMs} ms`);
    expect(response.status).toBe(408);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers.connection).toBe('close');
    const body = JSON.parse(response.body) as Record<string, unknown>;
    expect(body).toMatchObject({ statusCode: 408, code: 'REQUEST_TIMEOUT' });
    expect(body.message).toEqual(expect.any(String));
    expect(body.requestId).toBe(response.headers['x-request-id']);
    expect(response.closed).toBe(true);
    expect(response.elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
  });

  it('answers each of two bodies that began trickling together with its own request id and language', async () => {
    // Both heads are written in one tick, so the server reads them in one turn of its loop.
    let release: () => void = () => undefined;
    const start = new Promise<void>((resolve) => {
      release = resolve;
    });
    const trickle = (lang: string) => {
      const opening = head('/edge/notes', note).replace(
        '\r\n\r\n',
        `\r\nAccept-Language: ${lang}\r\n\r\n`,
      );
      return rawRequest(server.port, [opening, ...note.split('')], {
        intervalMs: 150,
        maxMs: CLOSE_BOUND_MS,
        untilClose: true,
        start,
      });
    };
    const pending = Promise.all([trickle('es'), trickle('pt-BR')]);
    setTimeout(release, 200);
    const responses = await pending;
    const bodies = responses.map(
      (response) => JSON.parse(response.body) as Record<string, unknown>,
    );
    expect(responses.map((response) => response.status)).toEqual([408, 408]);
    expect(bodies.map((body) => body.requestId)).toEqual(
      responses.map((response) => response.headers['x-request-id']),
    );
    expect(bodies[0]?.requestId).not.toBe(bodies[1]?.requestId);
    expect(bodies.map((body) => body.message)).toEqual([
      kernelMessages.es['errors.REQUEST_TIMEOUT'],
      kernelMessages['pt-BR']['errors.REQUEST_TIMEOUT'],
    ]);
  });

  it('answers 408 in the error shape to headers that trickle in past the deadline', async () => {
    const headers = `GET /edge/ping HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(100)}`;
    const response = await rawRequest(server.port, headers.split(''), {
      intervalMs: 100,
      maxMs: CLOSE_BOUND_MS,
      untilClose: true,
    });
    console.info(`slow-headers close time (${runtime}): ${response.elapsedMs} ms`);
    expect(response.status).toBe(408);
    expect(response.headers.connection).toBe('close');
    const body = JSON.parse(response.body) as Record<string, unknown>;
    expect(body).toMatchObject({ statusCode: 408, code: 'REQUEST_TIMEOUT' });
    expect(body.requestId).toBe(response.headers['x-request-id']);
    expect(response.closed).toBe(true);
  });

  it('accepts a body that trickles in but arrives before the deadline', async () => {
    const parts = [head('/edge/notes', note), note.slice(0, 8), note.slice(8, 16), note.slice(16)];
    const response = await rawRequest(server.port, parts, { intervalMs: 80, maxMs: 1500 });
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body)).toEqual({ received: 'hello world' });
    // Keep-alive: a connection whose body arrived in time stays open.
    expect(response.headers.connection).not.toBe('close');
  });

  it('does not cut a handler that runs longer than the deadline after its body arrived', async () => {
    const body = `{"ms":${TIMEOUT_MS * 2}}`;
    const response = await rawRequest(server.port, head('/edge/wait', body) + body, {
      maxMs: 4000,
    });
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body)).toEqual({ waited: TIMEOUT_MS * 2 });
  });

  it('does not cut a bodiless request whose handler runs longer than the deadline', async () => {
    const request = `GET /edge/wait?ms=${TIMEOUT_MS * 2} HTTP/1.1\r\nHost: x\r\n\r\n`;
    const response = await rawRequest(server.port, request, { maxMs: 4000 });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ waited: TIMEOUT_MS * 2 });
  });

  it('keeps a WebSocket open and answering past the deadline', async () => {
    const client = await TestClient.connect(`ws://127.0.0.1:${server.port}/edge/ws`);
    try {
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2));
      expect(await client.request({ event: 'echo', data: 'still here' })).toEqual({
        event: 'echo',
        data: 'still here',
      });
    } finally {
      client.socket.close();
    }
  });
});
