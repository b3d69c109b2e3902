/** Security defaults: helmet headers (with a CSP Swagger UI works under) and a CORS allow-list. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** What to turn on. */
export interface SecurityOptions {
  /** Allowed origins; `'*'` allows any; an empty list sends no CORS headers. */
  corsOrigins: readonly string[] | '*';
  /** Security headers via helmet. */
  helmet: boolean;
}

/** Response headers browsers may read cross-origin. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after'];

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: true,
    // Helmet's defaults already allow Swagger UI (its scripts and styles are same-origin files);
    // upgrade-insecure-requests would break /docs served over plain HTTP on a LAN.
    directives: { 'upgrade-insecure-requests': null },
  },
};

/** Registers the helmet headers and @fastify/cors as configured. Call before routes. */
export async function registerSecurity(
  fastify: FastifyInstance,
  options: SecurityOptions,
): Promise<void> {
  if (options.helmet) {
    const headers = helmetHeaders(HELMET_OPTIONS);
    // @fastify/helmet rebuilds helmet's middleware (and re-parses the CSP) on every request;
    // without nonces the headers never change, so they are computed once and copied.
    fastify.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  }
  const origins = options.corsOrigins;
  if (origins === '*' || origins.length > 0) {
    await fastify.register(fastifyCors, {
      origin: origins === '*' ? '*' : [...origins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
}

/** The headers helmet's middleware sets, captured once from a stand-in response. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return headers;
}
