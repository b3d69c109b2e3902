/**
 * OpenAPI: @fastify/swagger fed by the Zod schemas, and Swagger UI at `/docs`. Both load on the
 * first request under `/docs`, not at boot: with @fastify/static and yaml they cost more boot
 * time than the rest of the HTTP layer, and a server that never serves its docs never pays.
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { InternalError } from '../errors/http-errors.js';
import './error-body.schema.js';
import { buildDocsApp } from './docs-app.js';
import { KEEL_LOGO_SVG, withoutUnusedInputSchemas } from './open-api-components.js';
import { recordRoutes } from './open-api-routes.js';

/** The document's metadata and where it is served. */
export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
  /** UI at `routePrefix`, JSON at `${routePrefix}/json` (default `/docs`). */
  routePrefix?: string;
}

// Headers of the docs instance's answer that belong to its own (simulated) connection.
const OWN_HEADERS = new Set(['content-length', 'connection', 'keep-alive', 'transfer-encoding']);

/** Registers the OpenAPI document and UI. Call before any route, or the route is missing. */
export async function registerOpenApi(
  fastify: FastifyInstance,
  options: OpenApiOptions,
): Promise<void> {
  const routePrefix = options.routePrefix ?? '/docs';
  const own = new Set<unknown>();
  const recorded = recordRoutes(fastify, (route) => own.has(route.handler));
  let docs: Promise<FastifyInstance> | undefined;
  const docsApp = (): Promise<FastifyInstance> => {
    docs ??= buildDocsApp(recorded, (app) => registerPlugins(app, options, routePrefix)).catch(
      (error: unknown) => {
        docs = undefined;
        throw error;
      },
    );
    return docs;
  };
  fastify.addHook('onClose', async () => {
    await (await docs?.catch(() => undefined))?.close();
  });

  // Swagger UI's own routes (and its static files), answered by the docs instance.
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    const app = await docsApp();
    const answer = await app.inject({ method: 'GET', url: request.url, headers: request.headers });
    // A file Swagger UI does not have is the app's 404, as when @fastify/static served it here.
    if (answer.statusCode === 404) return reply.callNotFound();
    if (answer.statusCode >= 500) {
      throw new InternalError({ cause: { docs: answer.statusCode, body: answer.body } });
    }
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !OWN_HEADERS.has(name)) reply.header(name, value);
    }
    // No body (a redirect, a 304) is sent as none, so no content-type is added to it.
    const body = answer.rawPayload.length > 0 ? answer.rawPayload : undefined;
    return reply.code(answer.statusCode).send(body);
  };
  // The document itself is built here, so an error in it reaches this server's error handler
  // (Swagger UI's /json and /yaml routes do the same).
  const json = async () => (await docsApp()).swagger();
  const yaml = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type('application/x-yaml').send((await docsApp()).swagger({ yaml: true }));
  for (const handler of [forward, json, yaml]) own.add(handler);

  // The URLs Swagger UI registers, with the same prefix handling (`/docs` and `/docs/`).
  await fastify.register(
    async (routes) => {
      const hidden = { schema: { hide: true } } satisfies Partial<RouteOptions>;
      routes.get('/', hidden, forward);
      routes.get('/json', hidden, json);
      routes.get('/yaml', hidden, yaml);
      routes.get('/static/*', hidden, forward);
    },
    { prefix: routePrefix },
  );
}

async function registerPlugins(
  docs: FastifyInstance,
  options: OpenApiOptions,
  routePrefix: string,
): Promise<void> {
  const [{ default: fastifySwagger }, { default: fastifySwaggerUi }] = await Promise.all([
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
  const info = { title: options.title, version: options.version };
  const swagger: FastifyDynamicSwaggerOptions = {
    openapi: {
      openapi: '3.1.0',
      info:
        options.description === undefined ? info : { ...info, description: options.description },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      },
    },
    transform: jsonSchemaTransform,
    // Schemas with `.meta({ id })` (ErrorBody...) become shared components, without the `*Input`
    // twins nothing reads.
    transformObject: (document) => withoutUnusedInputSchemas(jsonSchemaTransformObject(document)),
  };
  const ui: FastifySwaggerUiOptions = {
    routePrefix,
    // Keel's name and logo at the top, not Fastify's.
    theme: { title: options.title },
    logo: { type: 'image/svg+xml', content: Buffer.from(KEEL_LOGO_SVG), href: routePrefix },
    // No third-party validator badge: it would send the document's URL to swagger.io.
    uiConfig: { validatorUrl: null },
  };
  await docs.register(fastifySwagger, swagger);
  await docs.register(fastifySwaggerUi, ui);
}
