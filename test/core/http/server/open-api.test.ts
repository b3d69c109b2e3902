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

const User = z.object({ id: z.uuid(), name: z.string().min(1).max(100), email: z.email() });
const CreateUser = z.strictObject({ name: z.string().min(1).max(100), email: z.email() });

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
    expect(Object.keys(document.paths).sort()).toEqual(['/health/live', '/users', '/users/{id}']);
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

  it('serves Swagger UI at /docs', async () => {
    app = await buildApp();
    const response = await app.inject({ method: 'GET', url: '/docs' });
    expect([200, 302]).toContain(response.statusCode);
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.body).toContain('swagger-ui');
  });
});
