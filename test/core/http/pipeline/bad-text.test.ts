/** Text no database column can hold (NUL, lone surrogates, bytes that are not UTF-8) is a 400. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type App, Body, Controller, createTestingModule, Get, Param, Post, Query } from '#core';

const Note = z.object({
  title: z.string(),
  tags: z.array(z.string()).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
const Search = z.object({ q: z.string().optional() });
const Slug = z.object({ slug: z.string() });

@Controller('/notes')
class NoteController {
  @Post('/', { body: Note })
  create(@Body() note: z.infer<typeof Note>) {
    return note;
  }

  @Get('/', { query: Search })
  search(@Query() query: z.infer<typeof Search>) {
    return query;
  }

  @Get('/:slug', { params: Slug })
  find(@Param('slug') slug: string) {
    return { slug };
  }
}

const json = (payload: string, headers: Record<string, string> = {}) => ({
  method: 'POST' as const,
  url: '/notes',
  payload,
  headers: { 'content-type': 'application/json', ...headers },
});

describe('bad text in validated requests', () => {
  let app: App;
  beforeAll(async () => {
    app = await createTestingModule({ controllers: [NoteController] }).compile();
  });
  afterAll(() => app.close());

  it.each([
    ['a NUL in a body field', '{"title":"a\\u0000b"}', 'body.title'],
    ['a NUL in an array item', '{"title":"t","tags":["ok","x\\u0000"]}', 'body.tags.1'],
    [
      'a NUL deep in free-form JSON',
      '{"title":"t","meta":{"a":{"b":["\\u0000"]}}}',
      'body.meta.a.b.0',
    ],
    [
      'a NUL in a key of free-form JSON',
      '{"title":"t","meta":{"k\\u0000":1}}',
      'body.meta.k\u0000',
    ],
    ['a lone high surrogate', '{"title":"a\\ud800"}', 'body.title'],
    ['a lone low surrogate', '{"title":"\\udc00b"}', 'body.title'],
  ])('refuses %s with 400 VALIDATION_FAILED naming the path', async (_case, payload, path) => {
    const res = await app.inject(json(payload));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().details).toEqual([{ path, message: expect.stringContaining('NUL') }]);
  });

  it('names every bad field at once and answers in the caller language', async () => {
    const res = await app.inject(
      json('{"title":"\\u0000","tags":["\\ud800"]}', { 'accept-language': 'pt-BR' }),
    );
    expect(res.statusCode).toBe(400);
    const details = res.json().details as Array<{ path: string; message: string }>;
    expect(details.map((d) => d.path).sort()).toEqual(['body.tags.0', 'body.title']);
    for (const detail of details) expect(detail.message).toContain('Unicode válido');
  });

  it('reports schema failures first, as before', async () => {
    const res = await app.inject(json('{"title":1,"tags":["\\u0000"]}'));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'body.title', message: expect.any(String) }]);
  });

  it('refuses a NUL in the query string and in a path parameter', async () => {
    const query = await app.inject('/notes?q=a%00b');
    expect(query.statusCode).toBe(400);
    expect(query.json().details).toEqual([{ path: 'query.q', message: expect.any(String) }]);
    const param = await app.inject('/notes/a%00b');
    expect(param.statusCode).toBe(400);
    expect(param.json().details).toEqual([{ path: 'params.slug', message: expect.any(String) }]);
  });

  it('refuses a body that is not UTF-8 with 400 INVALID_JSON instead of storing U+FFFD', async () => {
    const payload = Buffer.concat([
      Buffer.from('{"title":"caf'),
      Buffer.from([0xe9]), // Latin-1 "é": not a UTF-8 sequence
      Buffer.from('"}'),
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/notes',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_JSON' });
  });

  it('accepts any other text: accents, emoji (surrogate pairs), control characters but NUL', async () => {
    const note = { title: 'Café 😀 日本', tags: ['\t', 'x\u0001'], meta: { ключ: ['🙂'] } };
    const res = await app.inject({ method: 'POST', url: '/notes', payload: note });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual(note);
    const utf8 = await app.inject(json(Buffer.from('{"title":"café"}').toString()));
    expect(utf8.statusCode).toBe(201);
    expect((await app.inject('/notes?q=caf%C3%A9')).json()).toEqual({ q: 'café' });
  });

  it('still refuses __proto__ keys and empty bodies as before', async () => {
    const proto = await app.inject(json('{"title":"t","__proto__":{"x":1}}'));
    expect(proto.json()).toMatchObject({ statusCode: 400, code: 'INVALID_JSON' });
    const empty = await app.inject(json(''));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('INVALID_JSON');
  });
});
