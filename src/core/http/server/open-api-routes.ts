/** Records what @fastify/swagger would collect at boot, so the OpenAPI document can be built later. */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { z } from 'zod';
import { DOCUMENTED_HEADERS } from '../compiler/route-schema.js';

/** The routes and shared schemas of a server, as registered so far. */
export interface RecordedRoutes {
  /** One route per method and URL, the last registered winning, as in @fastify/swagger's document. */
  routes(): RouteOptions[];
  /** The `addSchema` schemas of the server and its encapsulated plugins (read at `onReady`). */
  schemas(): unknown[];
}

/**
 * Hooks `onRoute` and `onRegister` like @fastify/swagger does (without loading it): every route
 * but Fastify's automatic HEAD twins and the ones `skip` names. Call before any route.
 */
export function recordRoutes(
  fastify: FastifyInstance,
  skip: (route: RouteOptions) => boolean,
): RecordedRoutes {
  const routes: RouteOptions[] = [];
  const instances: FastifyInstance[] = [];
  const schemas = new Map<string, unknown>();
  fastify.addHook('onRoute', (route) => {
    if (skip(route) || (route.method === 'HEAD' && !exposesHead(route))) return;
    // The options object itself, as @fastify/swagger keeps it: later onRoute hooks may amend it.
    routes.push(route);
  });
  fastify.addHook('onRegister', (instance) => {
    instances.push(instance);
  });
  // Read once the server is ready, as @fastify/swagger does (no schema can be added after).
  fastify.addHook('onReady', (done) => {
    for (const instance of [...instances, fastify]) {
      for (const [id, schema] of Object.entries(instance.getSchemas())) schemas.set(id, schema);
    }
    instances.length = 0;
    done();
  });
  return {
    routes: () => latestPerMethodAndUrl(routes),
    schemas: () => [...schemas.values()],
  };
}

// @fastify/swagger documents a HEAD route only when its config asks for it.
function exposesHead(route: RouteOptions): boolean {
  const swagger = (route.config as { swagger?: { exposeHeadRoute?: boolean } } | undefined)
    ?.swagger;
  return swagger?.exposeHeadRoute === true;
}

// Two routes on one method and URL (versions, hosts) are one operation in the document, the
// later one's; so each becomes one route there, and no constraint strategy is needed to add it.
function latestPerMethodAndUrl(routes: readonly RouteOptions[]): RouteOptions[] {
  const byKey = new Map<string, RouteOptions>();
  for (const route of routes) {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const { url, config } = route;
      const { links } = route as { links?: unknown };
      byKey.set(`${method} ${url}`, {
        method,
        url,
        schema: withDocumentedHeaders(route.schema),
        config,
        ...(links === undefined ? {} : { links }),
        handler: route.handler,
      } as RouteOptions);
    }
  }
  return [...byKey.values()];
}

// Headers that enhancers read (Idempotency-Key...) join the operation's header parameters here,
// in the document only.
function withDocumentedHeaders(schema: RouteOptions['schema']): RouteOptions['schema'] {
  const documented = (schema as Record<symbol, unknown> | undefined)?.[DOCUMENTED_HEADERS] as
    | Record<string, z.ZodType>
    | undefined;
  if (!schema || !documented) return schema;
  const own = schema.headers;
  const headers = own instanceof z.ZodObject ? own.extend(documented) : z.object(documented);
  return { ...schema, headers };
}
