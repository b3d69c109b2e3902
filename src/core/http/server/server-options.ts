/** The Fastify constructor options Keel runs with. */
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import { createGenReqId, REQUEST_ID_HEADER } from '../../context/request-id.js';
import { RequestLogController } from '../../logger/request-log-controller.js';

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
}

/** Fastify options: limits, timeouts, request ids, request logging, strict JSON, routing. */
export function serverOptions(options: KeelServerOptions = {}): FastifyServerOptions {
  const base: FastifyServerOptions = {
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: options.trustProxy ?? false,
    requestTimeout: options.requestTimeout ?? 30_000,
    // 0 keeps WebSockets and slow handlers alive; slow clients are cut by requestTimeout.
    connectionTimeout: options.connectionTimeout ?? 0,
    keepAliveTimeout: options.keepAliveTimeout ?? 72_000,
    // Keep answering in-flight work while closing; idle keep-alive sockets close at once.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    // The id comes from genReqId (which validates the header), never from the raw header.
    requestIdHeader: false,
    genReqId: createGenReqId(options.requestIdHeader ?? REQUEST_ID_HEADER),
    logController: new RequestLogController(),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { ignoreTrailingSlash: true },
  };
  if (options.loggerInstance) return { ...base, loggerInstance: options.loggerInstance };
  return { ...base, logger: false };
}
