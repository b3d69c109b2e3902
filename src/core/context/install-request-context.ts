/** The onRequest hook that opens the request context for the rest of the request. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { I18n } from '../i18n/i18n.js';
import { DEFAULT_LANG, type Lang, SUPPORTED_LANGS } from '../i18n/languages.js';
import { negotiateLanguage } from '../i18n/negotiate-language.js';
import { RequestContext, type RequestContextData } from './request-context.js';
import { REQUEST_ID_HEADER, saneRequestId } from './request-id.js';

/** How the context is built from a request. */
export interface RequestContextOptions {
  /** Fallback language (DEFAULT_LANG). */
  defaultLang?: Lang;
  /** Languages offered to clients (all supported by default). */
  supportedLangs?: readonly Lang[];
  /** Header read and echoed for the request id (`x-request-id`). */
  requestIdHeader?: string;
  /** The app's translator, carried by the context so `t()` and errors use the app's catalogs. */
  i18n?: I18n;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function extractBearerToken(header: unknown): string | undefined {
  return typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requestIdOf(request: FastifyRequest, header: string): string {
  const incoming = saneRequestId(request.headers[header]);
  if (incoming !== undefined) return incoming;
  // With Keel's genReqId `request.id` is already this UUID; Fastify's default `req-1` is not unique.
  return UUID.test(request.id) ? request.id : randomUUID();
}

/** Builds the context of one request (also used by the error handler when no context is open). */
export function buildRequestContext(
  request: FastifyRequest,
  options: RequestContextOptions = {},
): RequestContextData {
  const header = (options.requestIdHeader ?? REQUEST_ID_HEADER).toLowerCase();
  const lang = negotiateLanguage({
    query: (request.query as Record<string, unknown> | undefined)?.lang,
    acceptLanguage: request.headers['accept-language'],
    supported: options.supportedLangs ?? SUPPORTED_LANGS,
    fallback: options.defaultLang ?? options.i18n?.defaultLang ?? DEFAULT_LANG,
  });
  const bearerToken = extractBearerToken(request.headers.authorization);
  const context: RequestContextData = {
    requestId: requestIdOf(request, header),
    lang,
    ...(options.i18n ? { i18n: options.i18n } : {}),
  };
  return bearerToken === undefined ? context : { ...context, bearerToken };
}

/**
 * Adds the onRequest hook that runs the rest of the request inside its context and echoes the
 * request id. Register it first, before any other hook or route.
 */
export function installRequestContext(
  fastify: FastifyInstance,
  options: RequestContextOptions = {},
): void {
  const header = (options.requestIdHeader ?? REQUEST_ID_HEADER).toLowerCase();
  // `run(ctx, done)` rather than `enterWith`: everything Fastify does after `done` (parsing,
  // later hooks, handler, error handler, onSend) descends from this call, while `enterWith`
  // was measured leaking into the next request of a keep-alive connection (see the tests).
  fastify.addHook('onRequest', (request, reply, done) => {
    const context = buildRequestContext(request, options);
    reply.header(header, context.requestId);
    RequestContext.run(context, done);
  });
}
