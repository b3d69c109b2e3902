/** The users API on a real app: CRUD, the unique email, validation, cache eviction, pagination. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, type BusEnvelope, createTestingModule, MESSAGE_BUS } from '#core';
import { BusModule } from '#infra/bus';
import { CacheModule } from '#infra/cache';
import { DatabaseModule } from '#infra/database';
import { UserModule, users } from '#modules/user';
import { TEST_DRIVERS, useTestDatabase } from '../../helpers/test-database.js';

describe.each(TEST_DRIVERS)('users API on %s', (driver) => {
  const database = useTestDatabase(driver);
  let app: App;
  const events: BusEnvelope[] = [];

  beforeAll(async () => {
    app = await createTestingModule({
      imports: [
        DatabaseModule.forRoot(database().moduleOptions()),
        CacheModule.forRoot({ driver: 'memory' }),
        BusModule.forRoot({ driver: 'memory' }),
        UserModule,
      ],
    }).compile();
    const bus = app.get(MESSAGE_BUS);
    for (const topic of ['user.created', 'user.updated', 'user.deleted']) {
      await bus.subscribe(topic, (_payload, envelope) => void events.push(envelope));
    }
  });
  afterAll(() => app?.close());

  const create = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/users', payload, headers });

  it('creates a user: 201, the DESIGN.md shape, email stored lowercase, user.created published', async () => {
    const res = await create({ name: 'Ana', email: 'Ana@Example.COM' });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Ana',
      email: 'ana@example.com',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const rows = await database().db.select().from(users);
    expect(rows.map((r) => r.email)).toEqual(['ana@example.com']);
    await expect
      .poll(() =>
        events.some(
          (e) => e.topic === 'user.created' && (e.payload as { id: string }).id === user.id,
        ),
      )
      .toBe(true);
  });

  it('refuses a duplicate email whatever its case: 409 USER_EMAIL_TAKEN, translated', async () => {
    await create({ name: 'Ana', email: 'ana@example.com' });
    const res = await create(
      { name: 'Other', email: 'ANA@example.com' },
      { 'accept-language': 'pt-BR' },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'USER_EMAIL_TAKEN', details: { field: 'email' } });
    expect(res.json().message).toContain('cadastrado');
    expect(await database().db.$count(users)).toBe(1);
  });

  it('two concurrent creates with the same email: one 201 and one 409', async () => {
    const [a, b] = await Promise.all([
      create({ name: 'A', email: 'race@example.com' }),
      create({ name: 'B', email: 'race@example.com' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await database().db.$count(users)).toBe(1);
  });

  it('rejects bad bodies without writing anything', async () => {
    const cases = [
      {},
      { name: '', email: 'a@b.co' },
      { name: 'x'.repeat(101), email: 'a@b.co' },
      { name: 'A', email: 'nope' },
      { name: 'A', email: 'a@b.co', id: 'forced' },
    ];
    for (const payload of cases) {
      const res = await create(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await database().db.$count(users)).toBe(0);
  });

  it('gets a user by id; unknown id is 404 USER_NOT_FOUND; a non-UUID id is 400', async () => {
    const { id } = (await create({ name: 'Bo', email: 'bo@example.com' })).json();
    expect((await app.inject(`/users/${id}`)).json()).toMatchObject({ id, name: 'Bo' });
    const missing = await app.inject(`/users/${crypto.randomUUID()}?lang=es`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(missing.json().message).toContain('Ningún usuario');
    expect((await app.inject('/users/42')).statusCode).toBe(400);
  });

  it('serves GET /users/:id from the cache and evicts it on update', async () => {
    const { id } = (await create({ name: 'Cy', email: 'cy@example.com' })).json();
    await app.inject(`/users/${id}`);
    // Change the row behind the cache's back: the cached copy is still served.
    await database().db.update(users).set({ name: 'Changed directly' });
    expect((await app.inject(`/users/${id}`)).json().name).toBe('Cy');
    const patched = await app.inject({
      method: 'PATCH',
      url: `/users/${id}`,
      payload: { name: 'Cyd' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().name).toBe('Cyd');
    expect((await app.inject(`/users/${id}`)).json().name).toBe('Cyd');
  });

  it('PATCH: 404 for an unknown id, 409 for a taken email', async () => {
    await create({ name: 'Di', email: 'di@example.com' });
    const { id } = (await create({ name: 'Ed', email: 'ed@example.com' })).json();
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/users/${crypto.randomUUID()}`,
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    const taken = await app.inject({
      method: 'PATCH',
      url: `/users/${id}`,
      payload: { email: 'DI@example.com' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('USER_EMAIL_TAKEN');
  });

  it('refuses a NUL character in POST and PATCH: 400 naming body.name, translated, nothing written', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/users',
      payload: '{"name":"a\\u0000b","email":"nul@example.com"}',
      headers: { 'content-type': 'application/json', 'accept-language': 'es' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.name', message: expect.stringContaining('NUL') }],
    });
    expect(bad.json().details[0].message).toContain('Unicode válido');
    expect(await database().db.$count(users)).toBe(0);
    const { id } = (await create({ name: 'Nu', email: 'nu@example.com' })).json();
    const patched = await app.inject({
      method: 'PATCH',
      url: `/users/${id}`,
      payload: '{"name":"a\\u0000b"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().details).toEqual([{ path: 'body.name', message: expect.any(String) }]);
    const rows = await database().db.select({ name: users.name }).from(users);
    expect(rows).toEqual([{ name: 'Nu' }]);
  });

  it('an empty PATCH changes nothing: 200 with the current user, updatedAt not bumped', async () => {
    const created = (await create({ name: 'Em', email: 'em@example.com' })).json();
    const before = await database().db.select().from(users);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const res = await app.inject({ method: 'PATCH', url: `/users/${created.id}`, payload: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
    const after = await database().db.select().from(users);
    expect(after[0]?.updatedAt).toEqual(before[0]?.updatedAt);
    const changed = await app.inject({
      method: 'PATCH',
      url: `/users/${created.id}`,
      payload: { name: 'Emma' },
    });
    expect(Date.parse(changed.json().updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
    const missing = await app.inject({
      method: 'PATCH',
      url: `/users/${crypto.randomUUID()}`,
      payload: {},
    });
    expect(missing.statusCode).toBe(404);
  });

  it('DELETE answers 204, then the user is gone (cache evicted too); deleting again is 404', async () => {
    const { id } = (await create({ name: 'Fi', email: 'fi@example.com' })).json();
    await app.inject(`/users/${id}`);
    const res = await app.inject({ method: 'DELETE', url: `/users/${id}` });
    expect(res.statusCode).toBe(204);
    expect((await app.inject(`/users/${id}`)).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/users/${id}` })).statusCode).toBe(404);
  });

  it('lists users in pages: every row exactly once while rows are being inserted', async () => {
    for (let i = 0; i < 7; i += 1) await create({ name: `U${i}`, email: `u${i}@example.com` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const url: string = `/users?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await app.inject(url)).json();
      seen.push(...page.items.map((u: { email: string }) => u.email));
      cursor = page.nextCursor;
      // Rows created while pages remain land after the cursor, so they must show up exactly once.
      if (cursor && inserted < 3)
        await create({ name: `late${inserted}`, email: `late${inserted++}@example.com` });
    } while (cursor);
    expect(inserted).toBeGreaterThan(0);
    const all = await database().db.select({ email: users.email }).from(users);
    expect([...seen].sort()).toEqual(all.map((row) => row.email).sort());
  });

  it('list: limit over 100 is 400, the email filter matches case-insensitively, bad cursor is 400', async () => {
    await create({ name: 'Gi', email: 'gi@example.com' });
    expect((await app.inject('/users?limit=101')).statusCode).toBe(400);
    const filtered = (await app.inject('/users?email=GI@example.com')).json();
    expect(filtered.items.map((u: { name: string }) => u.name)).toEqual(['Gi']);
    expect(filtered.nextCursor).toBeNull();
    expect((await app.inject('/users?cursor=garbage')).statusCode).toBe(400);
  });
});
