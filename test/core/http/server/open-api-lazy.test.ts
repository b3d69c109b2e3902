/** registerOpenApi loads @fastify/swagger and Swagger UI on the first /docs request, not at boot. */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { registerOpenApi } from '../../../../src/core/http/server/index.js';

// Each test file has its own module registry: this records what this file's code loaded.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('@fastify/swagger', async (importOriginal) => {
  loaded.add('@fastify/swagger');
  return importOriginal();
});
vi.mock('@fastify/swagger-ui', async (importOriginal) => {
  loaded.add('@fastify/swagger-ui');
  return importOriginal();
});

type Document = {
  paths: Record<string, Record<string, { summary?: string }>>;
  components: { schemas: Record<string, { title?: string }> };
};

describe('registerOpenApi, loaded on demand', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function build(): Promise<FastifyInstance> {
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setNotFoundHandler((_request, reply) => reply.code(404).send({ code: 'APP_NOT_FOUND' }));
    await registerOpenApi(app, { title: 'Lazy', version: '1.0.0' });
    app.addSchema({ $id: 'Shared', type: 'object', properties: { a: { type: 'string' } } });
    const ok = { 200: z.object({ v: z.number() }) };
    app.get(
      '/v',
      { constraints: { version: '1.0.0' }, schema: { summary: 'one', response: ok } },
      () => ({ v: 1 }),
    );
    app.get(
      '/v',
      { constraints: { version: '2.0.0' }, schema: { summary: 'two', response: ok } },
      () => ({ v: 2 }),
    );
    await app.register(
      async (child) => {
        child.get('/item', { schema: { summary: 'child', response: ok } }, () => ({ v: 3 }));
      },
      { prefix: '/child' },
    );
    await app.register(async (child) => {
      child.addSchema({ $id: 'Inner', type: 'string' });
    });
    await app.ready();
    return app;
  }

  it('loads neither plugin at boot, and both on the first request under /docs', async () => {
    const server = await build();
    expect(loaded).toEqual(new Set());
    const v2 = await server.inject({ url: '/v', headers: { 'accept-version': '2.0.0' } });
    expect(v2.json()).toEqual({ v: 2 });
    expect(loaded).toEqual(new Set());
    const [first, second] = await Promise.all([
      server.inject('/docs/json'),
      server.inject('/docs/'),
    ]);
    expect(first.statusCode).toBe(200);
    expect(second.body).toContain('<title>Lazy</title>');
    expect(loaded).toEqual(new Set(['@fastify/swagger', '@fastify/swagger-ui']));
  });

  it('documents routes and addSchema schemas of encapsulated plugins, one operation per method and URL (the last)', async () => {
    const server = await build();
    const document = (await server.inject('/docs/json')).json() as Document;
    expect(Object.keys(document.paths)).toEqual(['/v', '/child/item']);
    expect(document.paths['/v']?.get?.summary).toBe('two');
    expect(document.paths['/child/item']?.get?.summary).toBe('child');
    expect(JSON.stringify(document)).not.toContain('/docs');
    const titles = Object.values(document.components.schemas).map((schema) => schema.title);
    expect(titles).toEqual(expect.arrayContaining(['Shared', 'Inner']));
  });

  it('serves the YAML document and answers a file Swagger UI does not have with the app 404', async () => {
    const server = await build();
    const yaml = await server.inject('/docs/yaml');
    expect(yaml.headers['content-type']).toContain('application/x-yaml');
    expect(yaml.body).toContain('openapi: 3.1.0');
    const missing = await server.inject('/docs/static/missing.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'APP_NOT_FOUND' });
    const redirect = await server.inject('/docs/static/index.html');
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('/docs/');
    expect(redirect.headers['content-type']).toBeUndefined();
  });
});
