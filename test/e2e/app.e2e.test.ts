import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, CACHE, createApp } from '#core';
import { AppModule } from '../../src/app/app.module.js';
import { loadConfig } from '../../src/app/config.js';
import { createPostgresDatabase, type ScratchDatabase } from '../helpers/test-database.js';
import { TestClient } from '../infra/ws/ws-test-client.js';

// The whole example app as `npm start` builds it, on Postgres when DATABASE_URL is set.
describe('the example app (AppModule) end to end', () => {
  let app: App;
  let scratch: ScratchDatabase | undefined;
  let base: string;

  beforeAll(async () => {
    scratch = process.env.DATABASE_URL ? await createPostgresDatabase('keel_e2e') : undefined;
    const config = loadConfig(
      {
        NODE_ENV: 'test',
        DATABASE_URL: scratch?.url ?? 'pglite://memory',
        REDIS_URL: process.env.REDIS_URL,
        CACHE_PREFIX: `keel-e2e-${process.pid}:`,
        WS_ORIGINS: 'https://app.example',
      },
      { envFile: false },
    );
    app = await createApp(AppModule.forRoot(config), { logger: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await scratch?.drop();
  });

  it('is live and ready, and reports every check', async () => {
    expect((await app.inject('/health/live')).statusCode).toBe(200);
    const ready = await app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(Object.keys(ready.json().checks).sort()).toEqual(['cache', 'database']);
  });

  it('creates and reads a user over real HTTP, and pushes user.created to the users room', async () => {
    const client = await TestClient.connect(`${base.replace('http', 'ws')}/ws`);
    expect(await client.request({ event: 'join', data: { room: 'users' } })).toEqual({
      event: 'join',
      data: { room: 'users' },
    });
    const created = await fetch(`${base}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Eve', email: `eve-${Date.now()}@example.com` }),
    });
    expect(created.status).toBe(201);
    const user = (await created.json()) as { id: string };
    // Other processes may share this Redis bus: skip pushes about users this test did not create.
    let push = await client.next();
    while ((push.data as { id?: string }).id !== user.id) push = await client.next();
    expect(push.event).toBe('user.created');
    expect(push.data).toMatchObject({ id: user.id, name: 'Eve' });
    expect(JSON.stringify(push.data)).not.toContain('@example.com');
    const read = await fetch(`${base}/users/${user.id}`);
    expect(await read.json()).toMatchObject({ id: user.id, name: 'Eve' });
    client.socket.close();
  });

  it('uses the adapters the config selects', async () => {
    const cache = app.get(CACHE);
    expect(cache.constructor.name).toBe(process.env.REDIS_URL ? 'RedisCache' : 'MemoryCache');
  });

  it('lists the user routes in the OpenAPI document', async () => {
    const doc = (await app.inject('/docs/json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/users', '/users/{id}', '/health/ready']),
    );
  });
});
