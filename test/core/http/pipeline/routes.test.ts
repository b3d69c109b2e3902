import type { FastifyReply } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type App,
  Body,
  Controller,
  createParamDecorator,
  createTestingModule,
  Delete,
  Get,
  Headers,
  HttpCode,
  NotFoundError,
  Param,
  Patch,
  Post,
  Put,
  Query,
  RawBody,
  Req,
  Res,
} from '#core';

const Item = z.object({ id: z.string(), name: z.string(), secret: z.string().optional() });
const CreateItem = z.object({
  name: z.string().min(1).max(20),
  tags: z.array(z.string()).max(5).optional(),
});
const IdParams = z.object({ id: z.uuid() });
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

const Caller = createParamDecorator((prefix: string, ctx) => {
  const request = ctx.switchToHttp().getRequest<{ headers: Record<string, string> }>();
  return `${prefix}:${request.headers['x-caller'] ?? 'anonymous'}`;
});

const ID = '7b0d5c8e-8d8f-4b3e-9a57-0b5b7d1f8a11';

@Controller('/items', { tags: ['items'] })
class ItemController {
  @Get('/', { query: ListQuery })
  list(@Query() query: z.infer<typeof ListQuery>, @Query('limit') limit: number) {
    return { limit: query.limit, same: limit === query.limit };
  }

  @Get('/:id', { params: IdParams, response: { 200: Item } })
  findOne(@Param('id') id: string) {
    if (id === ID) throw new NotFoundError();
    return { id, name: 'found', secret: undefined, internal: 'must be stripped' } as z.input<
      typeof Item
    >;
  }

  @Post('/', { body: CreateItem, response: { 201: Item } })
  create(@Body() body: z.infer<typeof CreateItem>, @Body('name') name: string) {
    return { id: 'new', name: `${body.name}/${name}` };
  }

  @Put('/:id', { params: IdParams, body: CreateItem })
  @HttpCode(202)
  replace(@Param() params: { id: string }, @Headers('x-trace') trace: string | undefined) {
    return { id: params.id, trace: trace ?? null };
  }

  @Patch('/:id/caller', { params: IdParams })
  caller(@Caller('who') who: string) {
    return { who };
  }

  @Delete('/:id', { params: IdParams })
  remove() {
    return undefined;
  }

  @Post('/webhook', { rawBody: true, body: z.object({ event: z.string() }) })
  @HttpCode(200)
  webhook(@RawBody() raw: Buffer, @Body('event') event: string) {
    return { length: raw.length, raw: raw.toString('utf8'), event };
  }

  @Get('/manual/reply')
  manual(@Res() reply: FastifyReply, @Req() request: { url: string }) {
    reply.code(299).send({ url: request.url });
  }

  @Get('/manual/caller')
  manualWithCaller(@Res() reply: FastifyReply, @Caller('by') caller: string) {
    reply.header('x-by', caller);
    return { caller };
  }
}

describe('routes compiled from controllers', () => {
  let app: App;
  beforeAll(async () => {
    app = await createTestingModule({ controllers: [ItemController] }).compile();
  });
  afterAll(() => app.close());

  it('answers GET with 200 and passes whole and keyed query params', async () => {
    const res = await app.inject('/items?limit=7&unknown=1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ limit: 7, same: true });
  });

  it('serializes through the response schema (unknown fields stripped)', async () => {
    const res = await app.inject(`/items/${crypto.randomUUID()}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: expect.any(String), name: 'found' });
  });

  it('POST answers 201 by default', async () => {
    const res = await app.inject({ method: 'POST', url: '/items', payload: { name: 'a' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: 'new', name: 'a/a' });
  });

  it('@HttpCode overrides the status, @Param() and @Headers(name) inject', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/items/${ID}`,
      payload: { name: 'b' },
      headers: { 'x-trace': 't1' },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ id: ID, trace: 't1' });
  });

  it('custom parameter decorators read the execution context', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/items/${ID}/caller`,
      headers: { 'x-caller': 'ana' },
    });
    expect(res.json()).toEqual({ who: 'who:ana' });
  });

  it('DELETE returning nothing answers 204 with no body', async () => {
    const res = await app.inject({ method: 'DELETE', url: `/items/${ID}` });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
  });

  it('keeps the raw body for routes that ask for it', async () => {
    const payload = '{"event":"paid"}';
    const res = await app.inject({
      method: 'POST',
      url: '/items/webhook',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ length: payload.length, raw: payload, event: 'paid' });
  });

  it('a handler using @Res sends the reply itself', async () => {
    const res = await app.inject('/items/manual/reply');
    expect(res.statusCode).toBe(299);
    expect(res.json()).toEqual({ url: '/items/manual/reply' });
  });

  it('combines @Res() with a custom parameter decorator (the reply is not awaited)', async () => {
    const res = await app.inject({ url: '/items/manual/caller', headers: { 'x-caller': 'ann' } });
    expect([res.statusCode, res.headers['x-by'], res.json()]).toEqual([
      200,
      'by:ann',
      { caller: 'by:ann' },
    ]);
  });

  it('rejects unknown body keys with 400 VALIDATION_FAILED (no mass assignment)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/items',
      payload: { name: 'a', isAdmin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      requestId: expect.any(String),
    });
  });

  it('validates params: a non-UUID id is a 400 naming the path', async () => {
    const res = await app.inject('/items/not-a-uuid');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual([{ path: 'params.id', message: expect.any(String) }]);
  });

  it('an HttpError thrown by a handler keeps its status and code', async () => {
    const res = await app.inject(`/items/${ID}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('an unknown route is 404 ROUTE_NOT_FOUND', async () => {
    const res = await app.inject('/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });
});
