import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  registerOpenApi,
  registerSecurity,
  type SecurityOptions,
} from '../../../../src/core/http/server/index.js';

describe('registerSecurity', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function build(options: SecurityOptions): Promise<FastifyInstance> {
    app = Fastify();
    await registerSecurity(app, options);
    await registerOpenApi(app, { title: 'Test', version: '1.0.0' });
    app.get('/ping', async () => ({ ok: true }));
    await app.ready();
    return app;
  }

  async function preflight(server: FastifyInstance, origin: string) {
    return server.inject({
      method: 'OPTIONS',
      url: '/ping',
      headers: { origin, 'access-control-request-method': 'PATCH' },
    });
  }

  it('allows only the listed origins', async () => {
    const server = await build({ corsOrigins: ['https://app.example.com'], helmet: false });
    const allowed = await preflight(server, 'https://app.example.com');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(allowed.headers['access-control-allow-methods']).toContain('PATCH');
    const denied = await preflight(server, 'https://evil.example.com');
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await server.inject({
      method: 'GET',
      url: '/ping',
      headers: { origin: 'https://app.example.com' },
    });
    expect(simple.headers['access-control-expose-headers']).toContain('x-request-id');
  });

  it('allows any origin only when given *', async () => {
    const server = await build({ corsOrigins: '*', helmet: false });
    const response = await preflight(server, 'https://anywhere.example.com');
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });

  it('sends no CORS headers for an empty allow-list', async () => {
    const server = await build({ corsOrigins: [], helmet: false });
    const response = await server.inject({
      method: 'GET',
      url: '/ping',
      headers: { origin: 'https://app.example.com' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends helmet headers with a CSP that Swagger UI works under', async () => {
    const server = await build({ corsOrigins: [], helmet: true });
    const api = await server.inject({ method: 'GET', url: '/ping' });
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(api.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');

    const page = await server.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    // Every script is a same-origin file (no inline code), which script-src 'self' allows.
    const scripts = [...page.body.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/src="\.\/static\//);
      expect(inline?.trim()).toBe('');
    }
    for (const asset of ['swagger-ui-bundle.js', 'swagger-initializer.js', 'swagger-ui.css']) {
      const response = await server.inject({ method: 'GET', url: `/docs/static/${asset}` });
      expect(response.statusCode).toBe(200);
    }
    const initializer = await server.inject({
      method: 'GET',
      url: '/docs/static/swagger-initializer.js',
    });
    // The UI loads the document from the same origin and calls no third-party validator.
    expect(initializer.body).toContain("resolveUrl('./json')");
    expect(initializer.body).toContain('validatorUrl: null');
  });

  it('sends no helmet headers when helmet is off', async () => {
    const server = await build({ corsOrigins: [], helmet: false });
    const response = await server.inject({ method: 'GET', url: '/ping' });
    expect(response.headers['content-security-policy']).toBeUndefined();
  });
});
