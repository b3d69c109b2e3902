import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorResponses, registerOpenApi } from '../../../../src/core/http/server/index.js';

const User = z
  .object({ id: z.uuid(), name: z.string().min(1).max(100), email: z.email() })
  .meta({ id: 'OpenApiTestUser' });
const CreateUser = z.strictObject({ name: z.string().min(1).max(100), email: z.email() });
// Registered and used as a request body: its input variant is real and must stay.
const Filter = z.object({ term: z.string().default('') }).meta({ id: 'OpenApiTestFilter' });

async function buildApp(): Promise<FastifyInstance> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await registerOpenApi(app, { title: 'Keel test', version: '1.2.3', description: 'Docs test' });
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        params: z.object({ id: z.uuid() }),
        response: { 200: User, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ id: request.params.id, name: 'Ada', email: 'ada@example.com' }),
  );
  routes.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        body: CreateUser,
        response: { 201: User, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) => reply.code(201).send({ id: crypto.randomUUID(), ...request.body }),
  );
  routes.post(
    '/search',
    { schema: { tags: ['users'], body: Filter, response: { 200: z.array(User) } } },
    async () => [],
  );
  routes.get(
    '/health/live',
    { schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  await app.ready();
  return app;
}

describe('registerOpenApi', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('serves a valid OpenAPI 3.1 document at /docs/json', async () => {
    app = await buildApp();
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as Record<string, unknown>;
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document).toMatchObject({
      openapi: '3.1.0',
      info: { title: 'Keel test', version: '1.2.3', description: 'Docs test' },
    });
  });

  it('lists the routes with their tags and shares the ErrorBody component', async () => {
    app = await buildApp();
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<
        string,
        Record<string, { tags?: string[]; responses: Record<string, unknown> }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths).sort()).toEqual([
      '/health/live',
      '/search',
      '/users',
      '/users/{id}',
    ]);
    expect(document.paths['/users/{id}']?.get?.tags).toEqual(['users']);
    expect(document.paths['/users']?.post?.tags).toEqual(['users']);
    expect(document.paths['/health/live']?.get?.tags).toEqual(['health']);
    expect(document.components.schemas.ErrorBody).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['statusCode', 'code', 'message', 'requestId']),
    });
    expect(JSON.stringify(document.paths['/users']?.post?.responses['409'])).toContain(
      '#/components/schemas/ErrorBody',
    );
  });

  it('has no *Input twins of schemas that are only output, and keeps the ones a body uses', async () => {
    app = await buildApp();
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: { schemas: Record<string, unknown> };
    };
    const names = Object.keys(document.components.schemas);
    expect(names).toContain('ErrorBody');
    expect(names).toContain('OpenApiTestUser');
    expect(names).not.toContain('ErrorBodyInput');
    expect(names).not.toContain('OpenApiTestUserInput');
    expect(names).toContain('OpenApiTestFilterInput');
    expect(JSON.stringify(document.paths['/search']?.post?.requestBody)).toContain(
      '#/components/schemas/OpenApiTestFilterInput',
    );
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/[\w-]+/g) ?? [];
    for (const ref of refs) expect(names).toContain(ref.split('/').at(-1));
  });

  it('serves Swagger UI at /docs with the document title and the Keel logo, not Fastify', async () => {
    app = await buildApp();
    const response = await app.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(response.statusCode);
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.body).toContain('swagger-ui');
    expect(page.body).toContain('<title>Keel test</title>');
    expect(page.body).not.toMatch(/<title>Swagger UI<\/title>/);
    const script = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(script.statusCode).toBe(200);
    const logo = /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(script.body)?.[1];
    expect(logo).toBeDefined();
    const svg = Buffer.from(logo ?? '', 'base64').toString('utf8');
    expect(svg).toContain('Keel');
    expect(svg.toLowerCase()).not.toContain('fastify');
  });
});
