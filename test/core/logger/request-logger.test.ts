/** The cheap request child and request line write exactly what pino's child and info would. */
import { type Logger, pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/core/logger/index.js';
import { jsonNumber, jsonString } from '../../../src/core/logger/json-fragments.js';
import {
  isKeelLogger,
  type RequestLineFields,
  requestChildLogger,
  writeRequestLine,
} from '../../../src/core/logger/request-logger.js';
import { LogCapture } from './log-capture.js';

const ID = 'c45b576b-cac1-4b7e-a1e6-4c58857db21c';

// What Fastify does with a `loggerInstance`: its server logger is a child with serializers.
function serverLogger(root: Logger): Logger {
  return root.child({}, { serializers: {} });
}

function keel(level = 'info') {
  const capture = new LogCapture();
  const root = createLogger({ level, pretty: false, destination: capture, worker: '3' });
  return { capture, server: serverLogger(root) };
}

// Two lines written a millisecond apart differ in their time only.
function withoutTime(line: string | undefined): string | undefined {
  return line?.replace(/"time":\d+/, '"time":0');
}

const fields = (overrides: Partial<RequestLineFields> = {}): RequestLineFields => ({
  method: 'GET',
  url: '/users/1?lang=es&token=[Redacted]',
  statusCode: 200,
  responseTime: 12.34,
  ...overrides,
});

describe('requestChildLogger', () => {
  it("binds requestId as pino's child does: same bindings, same lines, children and levels", () => {
    const { capture, server } = keel();
    const ours = requestChildLogger(server, { requestId: ID }, {}) as Logger;
    const pinos = server.child({ requestId: ID }, {});
    expect(ours.bindings()).toEqual(pinos.bindings());
    for (const log of [ours, pinos]) {
      log.info({ body: { password: 'hunter2' } }, 'through request.log');
      log.child({ step: 'nested' }).warn('through a child');
      log.debug('below the level');
    }
    const [a1, a2, b1, b2] = capture.lines.map(withoutTime);
    expect(capture.lines).toHaveLength(4);
    expect([a1, a2]).toEqual([b1, b2]);
    expect(a1).toContain('"body":{"password":"[Redacted]"}');
    expect(a1?.split('"requestId"')).toHaveLength(2);
  });

  it('leaves route-level levels and serializers, and other bindings, to pino', () => {
    const { capture, server } = keel();
    const quiet = requestChildLogger(server, { requestId: ID }, { level: 'warn' }) as Logger;
    quiet.info('hidden');
    const tagged = requestChildLogger(server, { requestId: ID, tenant: 't1' }, {}) as Logger;
    tagged.info('shown');
    expect(capture.records().map((r) => [r.msg, r.tenant])).toEqual([['shown', 't1']]);
    expect(writeRequestLine(quiet, fields())).toBe(false);
  });
});

describe('writeRequestLine', () => {
  it('writes the line pino would write, byte for byte but the time', () => {
    const { capture, server } = keel();
    const log = requestChildLogger(server, { requestId: ID }, {});
    const cases = [
      fields(),
      fields({ method: 'POST', url: '/a "quoted" \\ path', statusCode: 201, responseTime: 0 }),
      fields({ url: '/tab\there/ünï/\u2028', responseTime: 0.07 }),
      fields({ statusCode: 503, responseTime: 1000.5 }),
      fields({ responseTime: 1e-7 }),
      fields({ responseTime: Number.NaN }),
    ];
    for (const line of cases) {
      expect(writeRequestLine(log, line)).toBe(true);
      log.info(line, 'request completed');
    }
    const written = capture.lines.map(withoutTime);
    for (let i = 0; i < written.length; i += 2) expect(written[i]).toBe(written[i + 1]);
    expect(capture.records()[0]).toMatchObject({ requestId: ID, worker: 3, statusCode: 200 });
  });

  it('writes nothing below info, as pino would not', () => {
    const { capture, server } = keel('warn');
    const log = requestChildLogger(server, { requestId: ID }, {});
    expect(writeRequestLine(log, fields())).toBe(true);
    expect(capture.lines).toEqual([]);
  });

  it('leaves loggers it did not make, and their redaction or mixins, to pino', () => {
    const capture = new LogCapture();
    const custom = pino({ mixin: () => ({ tenant: 't1' }) }, capture);
    expect(isKeelLogger(custom)).toBe(false);
    const log = requestChildLogger(serverLogger(custom), { requestId: ID }, {});
    expect(writeRequestLine(log, fields())).toBe(false);
    const redacting = createLogger({ level: 'info', pretty: false, destination: capture });
    const urlRedacted = redacting.child({}, { redact: ['url'] });
    expect(writeRequestLine(requestChildLogger(urlRedacted, { requestId: ID }, {}), fields())).toBe(
      false,
    );
    expect(capture.lines).toEqual([]);
  });
});

describe('JSON fragments', () => {
  it('prints strings as JSON.stringify does', () => {
    for (const value of [
      '',
      '/plain',
      'a"b',
      'back\\slash',
      'nl\n',
      '\u0001',
      'é',
      '\ud800',
      '😀',
    ]) {
      expect(jsonString(value)).toBe(JSON.stringify(value));
    }
  });

  it('prints numbers as JSON does, hundredths included', () => {
    for (let cents = 0; cents < 200_000; cents += 7) {
      expect(jsonNumber(cents / 100)).toBe(String(cents / 100));
    }
    for (const value of [0.1 + 0.2, 1e-7, 2 ** 60, -1.5])
      expect(jsonNumber(value)).toBe(String(value));
    expect(jsonNumber(Number.POSITIVE_INFINITY)).toBe('null');
  });
});
