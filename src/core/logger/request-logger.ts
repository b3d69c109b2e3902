/**
 * The per-request logger (`request.log`) and its access line, built cheaply. Fastify asks pino
 * for each request's child with options, which rebuilds the child's formatters (about 400 ns on
 * Node, 200 on Bun, against 150 and 100 here); pino's generic line walks the object, runs the
 * mixin and copies its result (660 ns against 200 for the line written here). Both stay byte for
 * byte what pino writes (a lone surrogate, which no HTTP parser yields, is escaped); whatever pino
 * would do differently (a serializer, redaction or formatter on these keys, another mixin, hooks,
 * a metadata stream, a tracing subscriber) takes pino's own path.
 */
import { tracingChannel } from 'node:diagnostics_channel';
import type { FastifyBaseLogger } from 'fastify';
import { type Bindings, type ChildLoggerOptions, type Logger, pino } from 'pino';
import { jsonNumber, jsonString, lineTime } from './json-fragments.js';
import { requestIdMixin } from './request-id-mixin.js';

const {
  chindingsSym,
  endSym,
  formattersSym,
  hooksSym,
  lsCacheSym,
  messageKeySym,
  mixinSym,
  needsMetadataGsym,
  nestedKeySym,
  serializersSym,
  streamSym,
  stringifiersSym,
  wildcardFirstSym,
} = pino.symbols;

/** The fields of a request line, in the order they are written. */
export interface RequestLineFields {
  method: string;
  url: string;
  statusCode: number;
  responseTime: number;
}

type Internals = Record<symbol, unknown>;
// The keys a request child and its line write; pino must do it when any has a serializer or a
// redaction path.
const LINE_KEYS = ['requestId', 'method', 'url', 'statusCode', 'responseTime'] as const;
const LINE_KEY = Symbol('keel.requestLine');
const LINE_MESSAGE = 'request completed';
// pino traces its line builder on this channel; a subscriber must keep seeing every line.
const asJsonChannel = tracingChannel('pino_asJson');

interface LineLayer {
  serializers: unknown;
  stringifiers: unknown;
  formatters: unknown;
  stream: { write(line: string): unknown };
  message: string;
}

// Per parent logger: a prototype layer between it and its request children, carrying what the
// access line needs; null when pino must build the children and their lines itself.
const layers = new WeakMap<object, object | null>();

function lineLayer(parent: Internals & { msgPrefix?: string }): LineLayer | undefined {
  // Keel's mixin adds nothing to a line whose logger binds requestId; any other mixin might.
  if (parent[mixinSym] !== requestIdMixin) return undefined;
  const serializers = parent[serializersSym] as Record<string, unknown>;
  const stringifiers = parent[stringifiersSym] as Record<string | symbol, unknown>;
  const formatters = parent[formattersSym] as { log?: unknown };
  const hooks = parent[hooksSym] as { logMethod?: unknown; streamWrite?: unknown } | undefined;
  const stream = parent[streamSym] as LineLayer['stream'] & Internals;
  const message = parent[messageKeySym] as string;
  const plainKeys = [...LINE_KEYS, message].every(
    (key) => serializers[key] === undefined && stringifiers[key] === undefined,
  );
  if (!plainKeys || stringifiers[wildcardFirstSym] !== undefined) return undefined;
  if (formatters.log !== undefined || parent[nestedKeySym] || parent.msgPrefix !== undefined)
    return undefined;
  if (hooks?.logMethod !== undefined || hooks?.streamWrite !== undefined) return undefined;
  if (!stream || stream[needsMetadataGsym] === true) return undefined;
  return { serializers, stringifiers, formatters, stream, message: JSON.stringify(message) };
}

function layerOf(parent: FastifyBaseLogger): object | null {
  let layer = layers.get(parent);
  if (layer === undefined) {
    const line = lineLayer(parent as unknown as Internals);
    layer = line ? (Object.create(parent, { [LINE_KEY]: { value: line } }) as object) : null;
    layers.set(parent, layer);
  }
  return layer;
}

function onlyRequestId(bindings: Bindings): boolean {
  for (const key in bindings) if (key !== 'requestId') return false;
  return true;
}

/**
 * Fastify's `childLoggerFactory` for Keel's loggers: for `{ requestId }` the child pino's
 * `child()` would build (an object inheriting from `logger`, the binding appended to its JSON
 * bindings), without pino's per-child setup; anything else is pino's `child()`.
 */
export function requestChildLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  const requestId: unknown = bindings.requestId;
  const layer = layerOf(logger);
  // Route-level `logLevel` / `logSerializers`, or other bindings: pino does the work.
  const plain = options.level === undefined && options.serializers === undefined;
  if (layer === null || !plain || typeof requestId !== 'string' || !onlyRequestId(bindings)) {
    return logger.child(bindings, options);
  }
  const child = Object.create(layer) as Internals;
  const parentBindings = (logger as unknown as Internals)[chindingsSym] as string;
  child[chindingsSym] = `${parentBindings},"requestId":${jsonString(requestId)}`;
  return child as unknown as FastifyBaseLogger;
}

/**
 * Writes `{ ...fields, msg: 'request completed' }` at info through `log` exactly as pino would,
 * when `log` was made by `requestChildLogger`; returns false (nothing written) otherwise.
 */
export function writeRequestLine(log: FastifyBaseLogger, fields: RequestLineFields): boolean {
  const internals = log as unknown as Internals;
  const layer = internals[LINE_KEY] as LineLayer | undefined;
  if (layer === undefined || asJsonChannel.hasSubscribers) return false;
  // pino's `info` is a no-op below its level: nothing to write, as with pino.
  if (!(log as unknown as Logger).isLevelEnabled('info')) return true;
  // A child of the request logger may carry its own serializers, redaction or formatters.
  if (
    internals[serializersSym] !== layer.serializers ||
    internals[stringifiersSym] !== layer.stringifiers ||
    internals[formattersSym] !== layer.formatters
  ) {
    return false;
  }
  const line =
    (internals[lsCacheSym] as Record<number, string>)[30] +
    lineTime(internals) +
    internals[chindingsSym] +
    ',"method":' +
    jsonString(fields.method) +
    ',"url":' +
    jsonString(fields.url) +
    ',"statusCode":' +
    jsonNumber(fields.statusCode) +
    ',"responseTime":' +
    jsonNumber(fields.responseTime) +
    `,${layer.message}:"${LINE_MESSAGE}"` +
    internals[endSym];
  layer.stream.write(line);
  return true;
}

/** True for loggers made by `createLogger` (and their children), which `requestChildLogger` serves. */
export function isKeelLogger(logger: FastifyBaseLogger): boolean {
  return (logger as unknown as Internals)[mixinSym] === requestIdMixin;
}
