/** Log lines worth reading: requestId once, one listening line, request lines per LOG_REQUESTS, shutdown. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type App,
  CONTEXT_LOGGER,
  Controller,
  createApp,
  Get,
  type HttpOptions,
  Inject,
  Injectable,
  LOGGER,
  Module,
  NotFoundError,
  Req,
} from '#core';
import { createLogger } from '../../../src/core/logger/index.js';
import { LogCapture } from './log-capture.js';

@Injectable()
class Greeter {
  constructor(@Inject(CONTEXT_LOGGER) private readonly logger: Logger) {}

  greet(): string {
    this.logger.info('greeting');
    return 'hello';
  }
}

@Controller('/')
class LinesController {
  constructor(
    private readonly greeter: Greeter,
    @Inject(LOGGER) private readonly root: Logger,
  ) {}

  @Get('/hello')
  hello(@Req() request: FastifyRequest) {
    request.log.info('through request.log');
    request.log.child({ step: 'nested' }).info('through a child of request.log');
    this.root.info('through the root logger');
    return { text: this.greeter.greet() };
  }

  @Get('/bindings')
  bindings(@Req() request: FastifyRequest) {
    return (request.log as Logger).bindings();
  }

  @Get('/missing')
  missing() {
    throw new NotFoundError();
  }

  @Get('/slow')
  async slow() {
    await sleep(120);
    return { ok: true };
  }
}

@Module({ controllers: [LinesController], providers: [Greeter] })
class LinesModule {}

let app: App | undefined;

async function build(http: HttpOptions = {}) {
  const capture = new LogCapture();
  const logger = createLogger({ level: 'info', pretty: false, destination: capture });
  app = await createApp(LinesModule, { logger, http });
  return { app, capture };
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('requestId on log lines', () => {
  it('appears exactly once on every line written during a request', async () => {
    const { app: running, capture } = await build();
    await running.inject({ url: '/hello', headers: { 'x-request-id': 'trace-once' } });
    const lines = capture.lines.filter((line) => line.includes('trace-once'));
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
      'through request.log',
      'through a child of request.log',
      'through the root logger',
      'greeting',
      'request completed',
    ]);
    for (const line of lines) expect(count(line, '"requestId"')).toBe(1);
  });
});

describe('request.log', () => {
  it('binds the requestId of its request, and nothing else', async () => {
    const { app: running } = await build();
    const response = await running.inject({ url: '/bindings', headers: { 'x-request-id': 'b-1' } });
    expect(response.json()).toEqual({ requestId: 'b-1' });
  });
});

describe('the listening line', () => {
  it('is one line naming every address, with no Fastify per-address lines', async () => {
    const { app: running, capture } = await build();
    const address = await running.listen({ port: 0, host: '0.0.0.0' });
    const listening = capture.records().filter((record) => /listening/i.test(String(record.msg)));
    expect(listening).toHaveLength(1);
    expect(listening[0]).toMatchObject({ msg: 'listening', addresses: expect.any(Array) });
    expect(listening[0]?.addresses).toContain(address);
    expect(address).toMatch(/^http:\/\/[\d.]+:\d+$/);
  });
});

describe('the shutdown complete line', () => {
  it('closes the log of a close with its duration in ms', async () => {
    const { app: running, capture } = await build();
    await running.close('SIGTERM');
    const last = capture.records().at(-1);
    expect(last).toMatchObject({ msg: 'shutdown complete', signal: 'SIGTERM' });
    expect(last?.durationMs).toEqual(expect.any(Number));
  });
});

describe('request lines (LOG_REQUESTS, LOG_SLOW_MS)', () => {
  async function requestLines(http: HttpOptions) {
    const { app: running, capture } = await build({ ...http, logSlowMs: 80 });
    await running.inject('/hello');
    await running.inject('/missing');
    await running.inject('/slow');
    return capture.records().filter((record) => record.msg === 'request completed');
  }

  it('all: one info line per request with method, url, status, responseTime and requestId', async () => {
    const lines = await requestLines({ logRequests: 'all' });
    expect(lines.map((line) => [line.url, line.statusCode])).toEqual([
      ['/hello', 200],
      ['/missing', 404],
      ['/slow', 200],
    ]);
    expect(lines[0]).toMatchObject({
      level: 30,
      method: 'GET',
      responseTime: expect.any(Number),
      requestId: expect.any(String),
    });
    expect(lines[2]).toMatchObject({ level: 40, slow: true });
  });

  it('errors: only 4xx/5xx and requests slower than LOG_SLOW_MS', async () => {
    const lines = await requestLines({ logRequests: 'errors' });
    expect(lines.map((line) => line.url)).toEqual(['/missing', '/slow']);
  });

  it('off: none', async () => {
    expect(await requestLines({ logRequests: 'off' })).toEqual([]);
  });
});
