/** OpenAPI: @fastify/swagger fed by the Zod schemas, and Swagger UI at `/docs`. */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import './error-body.schema.js';
import { KEEL_LOGO_SVG, withoutUnusedInputSchemas } from './open-api-components.js';

/** The document's metadata and where it is served. */
export interface OpenApiOptions {
  title: string;
  version: string;
  description?: string;
  /** UI at `routePrefix`, JSON at `${routePrefix}/json` (default `/docs`). */
  routePrefix?: string;
}

/** Registers the OpenAPI document and UI. Call before any route, or the route is missing. */
export async function registerOpenApi(
  fastify: FastifyInstance,
  options: OpenApiOptions,
): Promise<void> {
  const info = { title: options.title, version: options.version };
  await fastify.register(fastifySwagger, {
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
  });
  const routePrefix = options.routePrefix ?? '/docs';
  await fastify.register(fastifySwaggerUi, {
    routePrefix,
    // Keel's name and logo at the top, not Fastify's.
    theme: { title: options.title },
    logo: { type: 'image/svg+xml', content: Buffer.from(KEEL_LOGO_SVG), href: routePrefix },
    // No third-party validator badge: it would send the document's URL to swagger.io.
    uiConfig: { validatorUrl: null },
  });
}
