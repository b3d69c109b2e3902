/** Interceptors that declare their envelope: validated, serialized and documented as `{ data }`. */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  APP_INTERCEPTOR,
  type App,
  type CallHandler,
  Controller,
  createTestingModule,
  type ExecutionContext,
  Get,
  Injectable,
  type Interceptor,
  UseInterceptors,
} from '#core';

/** Nest's TransformInterceptor, with the envelope it produces declared. */
@Injectable()
class TransformInterceptor implements Interceptor {
  responseSchema(inner: z.ZodType) {
    return z.object({ data: inner });
  }

  async intercept(_ctx: ExecutionContext, next: CallHandler) {
    return { data: await next.handle() };
  }
}

@Injectable()
class MetaInterceptor implements Interceptor {
  responseSchema(inner: z.ZodType) {
    return z.object({ result: inner, version: z.literal(1) });
  }

  async intercept(_ctx: ExecutionContext, next: CallHandler) {
    return { result: await next.handle(), version: 1, debug: 'stripped' };
  }
}

const Cat = z.object({ name: z.string(), age: z.number().int() }).meta({ id: 'Cat' });

@Controller('/cats')
class CatsController {
  @Get('/one', { response: { 200: Cat } })
  one() {
    return { name: 'Tom', age: 3, secret: 'not in the schema' } as z.input<typeof Cat>;
  }

  @Get('/meta', { response: { 200: Cat } })
  @UseInterceptors(MetaInterceptor)
  meta() {
    return { name: 'Tom', age: 3 };
  }

  @Get('/broken', { response: { 200: Cat } })
  broken() {
    return { name: 'Tom', age: 'three' } as unknown as z.input<typeof Cat>;
  }

  // @ts-expect-error the handler's result is still checked against the inner schema
  @Get('/typed', { response: { 200: Cat } })
  typed() {
    return { data: { name: 'Tom', age: 3 } };
  }
}

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const build = () =>
  createTestingModule({
    controllers: [CatsController],
    providers: [{ provide: APP_INTERCEPTOR, useClass: TransformInterceptor }],
  }).compile({ http: { docs: { title: 't', version: '1' } } });

describe('response envelopes', () => {
  it('serializes the wrapped result through { data: <route schema> }', async () => {
    app = await build();
    const res = await app.inject('/cats/one');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ data: { name: 'Tom', age: 3 } });
  });

  it('nests envelopes innermost first and strips what the envelope does not declare', async () => {
    app = await build();
    const res = await app.inject('/cats/meta');
    expect(res.json()).toEqual({ data: { result: { name: 'Tom', age: 3 }, version: 1 } });
  });

  it('still rejects a result that breaks the inner schema', async () => {
    app = await build();
    const res = await app.inject('/cats/broken');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL' });
  });

  it('documents the envelope in OpenAPI', async () => {
    app = await build();
    const doc = (await app.inject('/docs/json')).json();
    const schema = doc.paths['/cats/one'].get.responses['200'].content['application/json'].schema;
    expect(schema).toMatchObject({
      type: 'object',
      properties: { data: { $ref: '#/components/schemas/Cat' } },
      required: ['data'],
    });
  });
});
