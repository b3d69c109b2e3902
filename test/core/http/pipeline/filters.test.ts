/** Exception filters compiled into each route: custom bodies as written, one shape for every error. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  APP_FILTER,
  type App,
  Body,
  Catch,
  Controller,
  createTestingModule,
  type ExceptionFilter,
  type ExecutionContext,
  errorResponses,
  Get,
  HttpError,
  NotFoundError,
  Post,
  UseFilters,
} from '#core';

/** Nest's classic HttpExceptionFilter: its own body, not Keel's error shape. */
@Catch(HttpError)
class HttpExceptionFilter implements ExceptionFilter<HttpError> {
  catch(error: HttpError, ctx: ExecutionContext) {
    const http = ctx.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    http.getResponse<FastifyReply>().status(error.statusCode).send({
      statusCode: error.statusCode,
      code: error.code,
      timestamp: '2026-12-02T00:00:00.000Z',
      path: request.url,
    });
  }
}

class Missing extends Error {}

@Catch(Missing)
class MissingFilter implements ExceptionFilter<Missing> {
  catch() {
    return new NotFoundError({ details: { by: 'MissingFilter' } });
  }
}

@Catch(RangeError)
class ClassRangeFilter implements ExceptionFilter<RangeError> {
  catch(_error: RangeError, ctx: ExecutionContext) {
    ctx.switchToHttp().getResponse<FastifyReply>().status(422).send({ by: 'class' });
  }
}

@Catch(RangeError)
class MethodRangeFilter implements ExceptionFilter<RangeError> {
  catch(_error: RangeError, ctx: ExecutionContext) {
    ctx.switchToHttp().getResponse<FastifyReply>().status(422).send({ by: 'method' });
  }
}

@Controller('/items')
@UseFilters(ClassRangeFilter)
class ItemsController {
  @Get('/:id', { params: z.object({ id: z.uuid() }), response: errorResponses(404) })
  findOne() {
    throw new NotFoundError();
  }

  @Post('/', { body: z.object({ name: z.string().min(1) }), bodyLimit: 64 })
  create(@Body() body: unknown) {
    return body;
  }

  @Get('/range/class')
  classRange() {
    throw new RangeError('class');
  }

  @Get('/range/method')
  @UseFilters(MethodRangeFilter)
  methodRange() {
    throw new RangeError('method');
  }

  @Get('/missing')
  @UseFilters(MissingFilter)
  missing() {
    throw new Missing();
  }

  @Get('/boom')
  @UseFilters(MissingFilter)
  boom() {
    throw new TypeError('no filter catches this');
  }
}

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function withAppFilter() {
  return createTestingModule({
    controllers: [ItemsController],
    providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
  }).compile();
}

const nestShape = (statusCode: number, code: string, path: string) => ({
  statusCode,
  code,
  timestamp: '2026-12-02T00:00:00.000Z',
  path,
});

describe('exception filters', () => {
  it('sends the body a filter writes, even on a status the route documents as ErrorBody', async () => {
    app = await withAppFilter();
    const id = '00000000-0000-4000-8000-000000000000';
    const res = await app.inject(`/items/${id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(nestShape(404, 'NOT_FOUND', `/items/${id}`));
  });

  it('shows validation failures to a @Catch(HttpError) filter as VALIDATION_FAILED', async () => {
    app = await withAppFilter();
    const res = await app.inject({ method: 'POST', url: '/items', payload: { name: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(nestShape(400, 'VALIDATION_FAILED', '/items'));
    const params = await app.inject('/items/not-a-uuid');
    expect(params.json()).toEqual(nestShape(400, 'VALIDATION_FAILED', '/items/not-a-uuid'));
  });

  it('shows invalid JSON, 413, 415 and unknown routes to the same filter', async () => {
    app = await withAppFilter();
    const post = (payload: string, type = 'application/json') =>
      app!.inject({ method: 'POST', url: '/items', payload, headers: { 'content-type': type } });
    expect((await post('{"name":')).json()).toEqual(nestShape(400, 'INVALID_JSON', '/items'));
    const big = await post(JSON.stringify({ name: 'x'.repeat(200) }));
    expect(big.json()).toEqual(nestShape(413, 'PAYLOAD_TOO_LARGE', '/items'));
    const xml = await post('<name/>', 'application/xml');
    expect(xml.json()).toEqual(nestShape(415, 'UNSUPPORTED_MEDIA_TYPE', '/items'));
    const nowhere = await app.inject('/nowhere?x=1');
    expect(nowhere.json()).toEqual(nestShape(404, 'ROUTE_NOT_FOUND', '/nowhere?x=1'));
  });

  it('tries method filters, then class filters, then app filters', async () => {
    app = await withAppFilter();
    expect((await app.inject('/items/range/method')).json()).toEqual({ by: 'method' });
    expect((await app.inject('/items/range/class')).json()).toEqual({ by: 'class' });
  });

  it('answers with the error a filter returns, in the standard shape without app filters', async () => {
    app = await createTestingModule({ controllers: [ItemsController] }).compile();
    const res = await app.inject('/items/missing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      details: { by: 'MissingFilter' },
      requestId: expect.any(String),
    });
  });

  it('passes errors no filter catches on to the standard handler', async () => {
    app = await createTestingModule({ controllers: [ItemsController] }).compile();
    const res = await app.inject('/items/boom');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL', requestId: expect.any(String) });
    expect(res.body).not.toContain('no filter catches this');
    const invalid = await app.inject({ method: 'POST', url: '/items', payload: { name: '' } });
    expect(invalid.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.name' }],
    });
  });
});
