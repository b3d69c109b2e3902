/** Security defaults: helmet headers (with a CSP Swagger UI works under) and a CORS allow-list. */
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** What to turn on. */
export interface SecurityOptions {
  /** Allowed origins; `'*'` allows any; an empty list sends no CORS headers. */
  corsOrigins: readonly string[] | '*';
  /** Security headers via @fastify/helmet. */
  helmet: boolean;
}

/** Response headers browsers may read cross-origin. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after'];

/** Registers @fastify/helmet and @fastify/cors as configured. Call before routes. */
export async function registerSecurity(
  fastify: FastifyInstance,
  options: SecurityOptions,
): Promise<void> {
  if (options.helmet) {
    await fastify.register(fastifyHelmet, {
      contentSecurityPolicy: {
        useDefaults: true,
        // Helmet's defaults already allow Swagger UI (its scripts and styles are same-origin
        // files); upgrade-insecure-requests would break /docs served over plain HTTP on a LAN.
        directives: { 'upgrade-insecure-requests': null },
      },
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
