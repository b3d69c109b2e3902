/** The Fastify constructor options Keel runs with. */
import type { Server } from 'node:http';
import type { FastifyBaseLogger, FastifyHttpOptions } from 'fastify';
import { createGenReqId, REQUEST_ID_HEADER } from '../../context/request-id.js';
import type { I18n } from '../../i18n/i18n.js';
import {
  RequestLogController,
  type RequestLogOptions,
} from '../../logger/request-log-controller.js';
import { isKeelLogger, requestChildLogger } from '../../logger/request-logger.js';
import { createClientErrorHandler } from './client-error-handler.js';

/** `REQUEST_TIMEOUT_MS`'s default: a request, body included, must arrive within 30 s. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** The tunable parts (DESIGN.md: BODY_LIMIT, TRUST_PROXY). */
export interface KeelServerOptions {
  /** Maximum body size in bytes (1 MiB). */
  bodyLimit?: number;
  /** Fastify `trustProxy`: true behind a load balancer that sets X-Forwarded-*. */
  trustProxy?: boolean | string | string[];
  /** Time for a client to send the whole request, in ms (30 s). */
  requestTimeout?: number;
  /** Socket inactivity timeout in ms (0: bounded by requestTimeout and keepAliveTimeout). */
  connectionTimeout?: number;
  /** Idle keep-alive time in ms (72 s, above common load balancers' 60 s). */
  keepAliveTimeout?: number;
  /** Header that carries the request id (`x-request-id`). */
  requestIdHeader?: string;
  /** The root logger (from `createLogger`); without it Fastify does not log. */
  loggerInstance?: FastifyBaseLogger;
  /** Which requests get an access-log line (all, by default). */
  requestLog?: RequestLogOptions;
  /** Translates the error bodies of requests the runtime cannot parse (default: kernel messages). */
  i18n?: I18n;
}

// Checks often enough that a request overdue by requestTimeout is cut within a tenth more.
function checkingInterval(requestTimeout = DEFAULT_REQUEST_TIMEOUT_MS): number {
  return Math.min(30_000, Math.max(1000, Math.round(requestTimeout / 10)));
}

/**
 * Fastify options: limits, timeouts, request ids, request logging, strict JSON, routing, and
 * Keel's error body for unparsable requests. Node's own Host check is off: its 400 has no body;
 * `installHostHeaderCheck` answers instead (`createServer` installs it).
 */
export function serverOptions(options: KeelServerOptions = {}): FastifyHttpOptions<Server> {
  const requestIdHeader = options.requestIdHeader ?? REQUEST_ID_HEADER;
  const base: FastifyHttpOptions<Server> = {
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: options.trustProxy ?? false,
    requestTimeout: options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
    // 0 keeps WebSockets and slow handlers alive; slow bodies are cut by installBodyDeadline.
    connectionTimeout: options.connectionTimeout ?? 0,
    keepAliveTimeout: options.keepAliveTimeout ?? 72_000,
    // Keep answering in-flight work while closing; idle keep-alive sockets close at once.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // The id comes from genReqId (which validates the header), never from the raw header.
    requestIdHeader: false,
    genReqId: createGenReqId(requestIdHeader),
    clientErrorHandler: createClientErrorHandler({
      requestIdHeader,
      ...(options.i18n ? { i18n: options.i18n } : {}),
    }),
    http: {
      requireHostHeader: false,
      // Node looks for overdue requests (headers still arriving) every 30 s by default.
      connectionsCheckingInterval: checkingInterval(options.requestTimeout),
    },
    logController: new RequestLogController(options.requestLog),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { ignoreTrailingSlash: true },
  };
  const logger = options.loggerInstance;
  if (!logger) return { ...base, logger: false };
  // Keel's loggers get each request's child without pino's per-child setup (see request-logger).
  if (isKeelLogger(logger))
    return { ...base, loggerInstance: logger, childLoggerFactory: requestChildLogger };
  return { ...base, loggerInstance: logger };
}
