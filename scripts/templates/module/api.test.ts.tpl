/** The {{entities.words}} API on a real app: {{#if isPublic}}anonymous access, {{else}}the token it needs, {{/if}}CRUD, validation, cache eviction, pagination, docs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type App,
  type BusEnvelope,
  createTestingModule,
  MESSAGE_BUS,
} from '#core';
import { AuthModule } from '#infra/auth';
import { BusModule } from '#infra/bus';
import { CacheModule } from '#infra/cache';
import { DatabaseModule } from '#infra/database';
import { {{entity.pascal}}Module, {{tableConst}} } from '#modules/{{entity.kebab}}';
import { TEST_DRIVERS, useTestDatabase } from '../../helpers/test-database.js';

// Every field set{{#if optionalFields}}; the second body leaves the optional fields out{{/if}}.
const validBody = {
{{#each fields}}
  {{name}}: {{sample.valid}},
{{/each}}
};
{{#if optionalFields}}
const requiredBody = {
{{#each requiredFields}}
  {{name}}: {{sample.valid}},
{{/each}}
};
{{/if}}

describe.each(TEST_DRIVERS)('{{entities.words}} API on %s', (driver) => {
  const database = useTestDatabase(driver);
  let app: App;
  const published: BusEnvelope[] = [];
  // AuthModule's global guard is on, as in AppModule: routes without @Public() need a principal.
  const modules = () => [
    DatabaseModule.forRoot(database().moduleOptions()),
    CacheModule.forRoot({ driver: 'memory' }),
    BusModule.forRoot({ driver: 'memory' }),
    AuthModule.forRoot({ issuer: 'keel', audience: 'keel-api', keys: { generateIfMissing: 'memory' } }),
    {{entity.pascal}}Module,
  ];

  beforeAll(async () => {
{{#if isPublic}}
    // No principal: every test below is an anonymous caller.
    app = await createTestingModule({ imports: modules() })
      .compile({ http: { docs: { title: '{{entities.words}}', version: '1.0.0' } } });
{{else}}
    // Every request of this app is made by test-user, as if it sent a valid token{{#if writeRoles}} with that role{{/if}}.
    app = await createTestingModule({ imports: modules() })
      .withPrincipal({ sub: 'test-user', roles: {{principalRoles}} })
      .compile({ http: { docs: { title: '{{entities.words}}', version: '1.0.0' } } });
{{/if}}
    const bus = app.get(MESSAGE_BUS);
    for (const topic of ['{{topic}}.created', '{{topic}}.updated', '{{topic}}.deleted']) {
      await bus.subscribe(topic, (_payload, envelope) => void published.push(envelope));
    }
  });
  afterAll(() => app?.close());

  const create = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '{{route}}', payload });
  const wasPublished = (topic: string, id: string) =>
    published.some((e) => e.topic === topic && (e.payload as { id: string }).id === id);

{{#if isPublic}}
  it('serves a caller without a token: the routes are @Public()', async () => {
    const res = await app.inject('{{route}}');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });

{{else}}
  it('answers 401 UNAUTHORIZED to a caller without a token and writes nothing', async () => {
    const anonymous = await createTestingModule({ imports: modules() }).compile();
    const res = await anonymous
      .inject({ method: 'POST', url: '{{route}}', payload: validBody })
      .finally(() => anonymous.close());
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHORIZED');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(await database().db.$count({{tableConst}})).toBe(0);
  });

{{#if writeRoles}}
  it('answers 403 FORBIDDEN to writes by a principal without a role of @Roles; it may still read', async () => {
    const reader = await createTestingModule({ imports: modules() })
      .withPrincipal({ sub: 'reader', roles: [] })
      .compile();
    try {
      const res = await reader.inject({ method: 'POST', url: '{{route}}', payload: validBody });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect((await reader.inject('{{route}}')).statusCode).toBe(200);
    } finally {
      await reader.close();
    }
    expect(await database().db.$count({{tableConst}})).toBe(0);
  });

{{/if}}
{{/if}}
  it('creates {{aEntity}}: 201 with every field, stored, {{topic}}.created published', async () => {
    const res = await create(validBody);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ...validBody,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await database().db.$count({{tableConst}})).toBe(1);
    await expect.poll(() => wasPublished('{{topic}}.created', created.id)).toBe(true);
  });
{{#if optionalFields}}

  it('creates {{aEntity}} from the required fields only; optional fields are null', async () => {
    const res = await create(requiredBody);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      ...requiredBody,
{{#each optionalFields}}
      {{name}}: null,
{{/each}}
    });
  });
{{/if}}

  it('rejects bad bodies with 400 VALIDATION_FAILED and writes nothing', async () => {
    const cases: Record<string, unknown>[] = [
{{#if requiredFields}}
      {},
{{/if}}
{{#each fields}}
{{#if invalidSample}}
      { ...validBody, {{name}}: {{invalidSample}} },
{{/if}}
{{/each}}
      { ...validBody, id: 'forced' },
    ];
    for (const payload of cases) {
      const res = await create(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await database().db.$count({{tableConst}})).toBe(0);
  });

  it('gets {{aEntity}} by id; unknown id is 404 {{errorCode}}, translated; a non-UUID id is 400', async () => {
    const created = (await create(validBody)).json();
    const res = await app.inject(`{{route}}/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
    const missingId = crypto.randomUUID();
    const missing = await app.inject(`{{route}}/${missingId}?lang=es`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: '{{errorCode}}' });
    expect(missing.json().message).toBe(`No hay ningún registro de {{entity.words}} con el id ${missingId}.`);
    expect((await app.inject('{{route}}/42')).statusCode).toBe(400);
  });

  it('PATCH changes the given fields and evicts the cached copy; unknown id is 404', async () => {
    const created = (await create(validBody)).json();
    await app.inject(`{{route}}/${created.id}`);
    const res = await app.inject({
      method: 'PATCH',
      url: `{{route}}/${created.id}`,
      payload: { {{firstField.name}}: {{firstField.sample.alternative}} },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ...validBody, {{firstField.name}}: {{firstField.sample.alternative}} });
    expect((await app.inject(`{{route}}/${created.id}`)).json()).toEqual(res.json());
    await expect.poll(() => wasPublished('{{topic}}.updated', created.id)).toBe(true);
    const unknown = await app.inject({
      method: 'PATCH',
      url: `{{route}}/${crypto.randomUUID()}`,
      payload: { {{firstField.name}}: {{firstField.sample.valid}} },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('an empty PATCH changes nothing: 200 with the current {{entity.words}}, updatedAt kept', async () => {
    const created = (await create(validBody)).json();
    const res = await app.inject({ method: 'PATCH', url: `{{route}}/${created.id}`, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
    const [row] = await database().db.select().from({{tableConst}});
    expect(row?.updatedAt.toISOString()).toBe(created.updatedAt);
  });

  it('DELETE answers 204, then the {{entity.words}} is gone (cache evicted too); deleting again is 404', async () => {
    const { id } = (await create(validBody)).json();
    await app.inject(`{{route}}/${id}`);
    expect((await app.inject({ method: 'DELETE', url: `{{route}}/${id}` })).statusCode).toBe(204);
    expect((await app.inject(`{{route}}/${id}`)).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `{{route}}/${id}` })).statusCode).toBe(404);
    await expect.poll(() => wasPublished('{{topic}}.deleted', id)).toBe(true);
  });

  it('lists {{entities.words}} in pages: every row exactly once; bad limits and cursors are 400', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push((await create(validBody)).json().id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `{{route}}?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await app.inject(url)).json();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect((await app.inject('{{route}}?limit=101')).statusCode).toBe(400);
    expect((await app.inject('{{route}}?cursor=garbage')).statusCode).toBe(400);
  });

  it('documents the {{entities.words}} routes in the OpenAPI document{{#if isPublic}}, as public{{else}}, as secured{{/if}}', async () => {
    const doc = (await app.inject('/docs/json')).json();
    expect(Object.keys(doc.paths['{{route}}'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['{{route}}/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
{{#if isPublic}}
    expect(doc.paths['{{route}}'].post.security).toEqual([]);
{{else}}
    expect(doc.paths['{{route}}'].post.security).toEqual([{ bearerAuth: [] }]);
{{/if}}
  });
});
