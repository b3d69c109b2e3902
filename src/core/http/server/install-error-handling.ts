/** The error and not-found handlers: every failure leaves as one translated JSON shape. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  buildRequestContext,
  type RequestContextOptions,
} from '../../context/install-request-context.js';
import { RequestContext, type RequestContextData } from '../../context/request-context.js';
import { REQUEST_ID_HEADER } from '../../context/request-id.js';
import { errorLogFields } from '../../logger/error-log-fields.js';
import type { FilterChain } from '../compiler/filter-chain.js';
import { HttpError } from '../errors/http-error.js';
import { RouteNotFoundError } from '../errors/request-errors.js';
import { errorBody } from './error-body.js';
import type { ErrorBody } from './error-body.schema.js';

/** How errors are rendered. */
export interface ErrorHandlingOptions extends RequestContextOptions {
  /** Production hides the details of 5xx errors. */
  production: boolean;
}

const MAX_PATH_IN_MESSAGE = 200;

function logFailure(request: FastifyRequest, error: unknown, body: ErrorBody): void {
  // Only whitelisted fields: a raw Drizzle message would put bound parameters in the log.
  const fields = { err: errorLogFields(error), statusCode: body.statusCode, code: body.code };
  // A 503 means a dependency is down (or the server is closing): whoever noticed reports that
  // once (the database and Redis guards warn once per outage) instead of an error per request.
  if (body.statusCode === 503) request.log.debug(fields, 'request refused: unavailable');
  else if (body.statusCode >= 500) request.log.error(fields, 'request failed');
  else request.log.debug(fields, 'request rejected');
}

function send(reply: FastifyReply, context: RequestContextData, body: ErrorBody): FastifyReply {
  if (!reply.hasHeader(REQUEST_ID_HEADER)) reply.header(REQUEST_ID_HEADER, context.requestId);
  // Plain JSON: a route's response schema must never turn an error into another error.
  return reply
    .code(body.statusCode)
    .type('application/json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}

// Errors raised before the context hook (e.g. while routing) still get a language and an id.
function contextOf(request: FastifyRequest, options: RequestContextOptions): RequestContextData {
  return RequestContext.current() ?? buildRequestContext(request, options);
}

/**
 * Sets the app's error handler: the last stop of every error. Routes with exception filters get
 * their own handler (compiled into the route) that rethrows here when no filter handles the error.
 */
export function installErrorHandler(fastify: FastifyInstance, options: ErrorHandlingOptions): void {
  fastify.setErrorHandler((error, request, reply) => answer(error, request, reply, options));
}

/** Sets the not-found handler: ROUTE_NOT_FOUND, through the app-wide filters when there are any. */
export function installNotFoundHandler(
  fastify: FastifyInstance,
  options: ErrorHandlingOptions & { filters?: FilterChain | undefined },
): void {
  const { filters } = options;
  fastify.setNotFoundHandler(async (request, reply) => {
    const path = (request.url.split('?')[0] ?? '').slice(0, MAX_PATH_IN_MESSAGE);
    let error: unknown = new RouteNotFoundError({ params: { method: request.method, path } });
    if (filters) {
      try {
        return await filters(error, request, reply);
      } catch (thrown) {
        error = thrown;
      }
    }
    return answer(error, request, reply, options);
  });
}

function answer(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  options: ErrorHandlingOptions,
): FastifyReply {
  if (reply.sent) return reply;
  const context = contextOf(request, options);
  const body = errorBody(error, context.lang, context.requestId, {
    production: options.production,
    input: request,
    ...(context.i18n ? { i18n: context.i18n } : {}),
  });
  if (!(error instanceof RouteNotFoundError)) logFailure(request, error, body);
  if (error instanceof HttpError) reply.headers(error.headers);
  return RequestContext.run(context, () => send(reply, context, body));
}

/** Both handlers at once, for a plain Fastify server without Keel's filters (benchmarks, tests). */
export function installErrorHandling(
  fastify: FastifyInstance,
  options: ErrorHandlingOptions,
): void {
  installErrorHandler(fastify, options);
  installNotFoundHandler(fastify, options);
}
