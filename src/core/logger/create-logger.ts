/** The root pino logger: JSON by default, pretty in development, secrets redacted. */
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import { errorLogFields } from './error-log-fields.js';
import { redactUrl } from './redact-url.js';
import { mergeRequestId, requestIdMixin } from './request-id-mixin.js';
import { stdoutDestination } from './stdout-destination.js';

/** How the root logger is built. */
export interface CreateLoggerOptions {
  /** pino level (`info`, `debug`...). */
  level: string;
  /** pino-pretty output (development); ignored when pino-pretty is not installed. */
  pretty: boolean;
  /** Logger name, added to every line. */
  name?: string;
  /** Where lines go (stdout by default); tests pass a stream to read them. */
  destination?: DestinationStream;
  /** The PM2 worker number added to every line; `NODE_APP_INSTANCE` (set by PM2) by default. */
  worker?: string;
}

const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'ticket',
  'secret',
  'accessToken',
  'refreshToken',
];
// Where secrets usually sit in a log object. Explicit parents instead of a leading `*`: pino
// re-runs a leading-wildcard redactor on the bindings of every child logger, and Fastify makes
// one per request (measured 5 µs a request, a quarter of a small route's CPU).
const SECRET_PARENTS = [
  'body',
  'req.body',
  'user',
  'data',
  'payload',
  'input',
  'params',
  'query',
  'config',
  'options',
  'credentials',
];
const HEADER_PARENTS = ['req', 'request', 'res', 'response', 'config', 'err.config', 'options'];

/** Paths pino replaces with `[Redacted]`: credentials in headers and password-like fields. */
export const REDACT_PATHS: readonly string[] = [
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  // Browsers send WebSocket tokens as a subprotocol (`bearer, <jwt>`).
  'headers["sec-websocket-protocol"]',
  ...HEADER_PARENTS.flatMap((parent) => [
    `${parent}.headers.authorization`,
    `${parent}.headers.cookie`,
    `${parent}.headers["set-cookie"]`,
    `${parent}.headers["sec-websocket-protocol"]`,
  ]),
  ...SECRET_FIELDS.flatMap((field) => [
    field,
    ...SECRET_PARENTS.flatMap((parent) => [`${parent}.${field}`, `${parent}.*.${field}`]),
  ]),
];

interface RequestLike {
  id?: unknown;
  method?: unknown;
  url?: unknown;
}

/** Request serializer: method, url (credentials in the query hidden) and requestId only. */
export function serializeRequest(req: RequestLike): Record<string, unknown> {
  const url = typeof req.url === 'string' ? redactUrl(req.url) : req.url;
  return { method: req.method, url, requestId: req.id };
}

function serializeResponse(res: { statusCode?: unknown }): Record<string, unknown> {
  return { statusCode: res.statusCode };
}

function serializeError(err: unknown): unknown {
  return err instanceof Error ? errorLogFields(err) : err;
}

function prettyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

// pino's default base is { pid, hostname }; in a cluster the worker number joins them, so
// every line of a merged log file says which worker wrote it.
function baseFields(worker: string | undefined): Record<string, unknown> {
  const base: Record<string, unknown> = { pid: process.pid, hostname: hostname() };
  if (worker === undefined || worker === '') return base;
  base.worker = /^\d+$/.test(worker) ? Number(worker) : worker;
  return base;
}

/** Creates the root logger; pass it to Fastify as `loggerInstance`. */
export function createLogger(options: CreateLoggerOptions): Logger {
  const base = baseFields(options.worker ?? process.env.NODE_APP_INSTANCE);
  const config: LoggerOptions = {
    level: options.level,
    base,
    redact: { paths: [...REDACT_PATHS], censor: '[Redacted]' },
    serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
    // Lines written during a request (by any logger, e.g. a CONTEXT_LOGGER) carry its id.
    mixin: requestIdMixin,
    mixinMergeStrategy: mergeRequestId,
  };
  if (options.name !== undefined) config.name = options.name;
  if (options.destination) return pino(config, options.destination);
  if (options.pretty && prettyAvailable()) {
    config.transport = {
      target: 'pino-pretty',
      options: {
        colorize: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'worker' in base ? 'hostname' : 'pid,hostname',
      },
    };
    return pino(config);
  }
  const stdout = stdoutDestination();
  return stdout ? pino(config, stdout) : pino(config);
}
