/** The Nest cats sample on Keel, end to end: guard from metadata, interceptors, filter, overrides. */
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createTestingModule } from '#core';
import { CAT_LOG } from './cats.enhancers.js';
import { type Cat, CatsModule, CatsService } from './cats.module.js';

const tom: Cat = { name: 'Tom', age: 3, breed: 'tabby' };

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const filterShape = (statusCode: number, path: string) => ({
  statusCode,
  timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
  path,
});

describe('cats (Nest sample)', () => {
  it('creates a cat as admin and lists it, wrapped in { data }', async () => {
    app = await createTestingModule({ imports: [CatsModule] }).compile();
    const created = await app.inject({
      method: 'POST',
      url: '/cats',
      headers: { 'x-roles': 'admin' },
      payload: tom,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ data: tom });
    expect((await app.inject('/cats')).json()).toEqual({ data: [tom] });
    expect(app.get<string[]>(CAT_LOG)).toEqual([
      'before CatsController.create',
      'after CatsController.create',
      'before CatsController.findAll',
      'after CatsController.findAll',
    ]);
  });

  it('forbids a caller without the role, in the filter shape', async () => {
    app = await createTestingModule({ imports: [CatsModule] }).compile();
    const res = await app.inject({ method: 'POST', url: '/cats', payload: tom });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(filterShape(403, '/cats'));
  });

  it('answers validation failures and unknown cats in the filter shape', async () => {
    app = await createTestingModule({ imports: [CatsModule] }).compile();
    const bad = await app.inject({
      method: 'POST',
      url: '/cats',
      headers: { 'x-roles': 'admin' },
      payload: { name: 'Tom', age: -1, breed: 'tabby' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual(filterShape(400, '/cats'));
    expect((await app.inject('/cats/Felix')).json()).toEqual(filterShape(404, '/cats/Felix'));
  });

  it('serves a swapped service with overrideProvider', async () => {
    app = await createTestingModule({ imports: [CatsModule] })
      .overrideProvider(CatsService)
      .useValue({ findAll: () => [tom, { ...tom, name: 'Felix', secret: 'stripped' }] })
      .compile();
    const res = await app.inject('/cats');
    expect(res.json()).toEqual({ data: [tom, { ...tom, name: 'Felix' }] });
  });
});
