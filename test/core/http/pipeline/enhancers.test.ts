import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  APP_FILTER,
  APP_GUARD,
  APP_INTERCEPTOR,
  type App,
  Body,
  type CallHandler,
  type CanActivate,
  Catch,
  Controller,
  createTestingModule,
  type ExceptionFilter,
  type ExecutionContext,
  Get,
  Injectable,
  type Interceptor,
  Post,
  Reflector,
  SetMetadata,
  UnauthorizedError,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '#core';

const calls: string[] = [];
const ROLES = 'roles';
const Roles = (...roles: string[]) => SetMetadata(ROLES, roles);

@Injectable()
class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}
  canActivate(ctx: ExecutionContext): boolean {
    const roles =
      this.reflector.getAllAndOverride<string[]>(ROLES, [ctx.getHandler(), ctx.getClass()]) ?? [];
    const role = ctx.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers[
      'x-role'
    ];
    calls.push(`guard:roles(${roles.join(',')})`);
    return roles.length === 0 || roles.includes(role ?? '');
  }
}

class AuthGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    calls.push(`guard:auth:${ctx.getType()}`);
    const auth = ctx.switchToHttp().getRequest<{ headers: Record<string, string> }>()
      .headers.authorization;
    if (!auth) throw new UnauthorizedError();
    return true;
  }
}

const tag = (name: string): Interceptor => ({
  async intercept(_ctx: ExecutionContext, next: CallHandler) {
    calls.push(`before:${name}`);
    const result = await next.handle();
    calls.push(`after:${name}`);
    return result;
  },
});

class WrapInterceptor implements Interceptor {
  async intercept(_ctx: ExecutionContext, next: CallHandler) {
    return { wrapped: await next.handle() };
  }
}

class TeapotError extends Error {}

@Catch(TeapotError)
class TeapotFilter implements ExceptionFilter<TeapotError> {
  catch(_error: TeapotError, ctx: ExecutionContext) {
    calls.push('filter:teapot');
    ctx
      .switchToHttp()
      .getResponse<{ code(n: number): { send(b: unknown): void } }>()
      .code(418)
      .send({ teapot: true });
  }
}

@Catch()
class GlobalFilter implements ExceptionFilter {
  catch(error: unknown) {
    calls.push(`filter:global:${(error as Error).constructor.name}`);
    return error;
  }
}

@Controller('/guarded')
@UseGuards(AuthGuard)
@UseInterceptors(tag('class'))
class GuardedController {
  @Get('/admin')
  @Roles('admin')
  @UseGuards(RolesGuard)
  @UseInterceptors(tag('method'))
  admin() {
    calls.push('handler');
    return { ok: true };
  }

  @Post('/validated', { body: z.object({ name: z.string() }) })
  validated(@Body() body: unknown) {
    return body;
  }

  @Get('/teapot')
  @UseFilters(TeapotFilter)
  teapot() {
    throw new TeapotError('short and stout');
  }

  @Get('/wrapped')
  @UseInterceptors(WrapInterceptor)
  wrapped() {
    return 1;
  }
}

@Controller('/plain')
class PlainController {
  @Get('/')
  plain() {
    calls.push('plain');
    return { plain: true };
  }

  @Get('/boom')
  boom() {
    throw new RangeError('internal detail that must not leak');
  }
}

describe('guards, interceptors and filters', () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
    calls.length = 0;
  });

  const build = () =>
    createTestingModule({
      controllers: [GuardedController, PlainController],
      providers: [
        { provide: APP_GUARD, useValue: { canActivate: () => calls.push('guard:app') > 0 } },
        { provide: APP_INTERCEPTOR, useValue: tag('app') },
        { provide: APP_FILTER, useClass: GlobalFilter },
      ],
    });

  it('runs app-wide, class then method guards, then interceptors outermost-first, then the handler', async () => {
    app = await build().compile();
    const res = await app.inject({
      url: '/guarded/admin',
      headers: { authorization: 'Bearer x', 'x-role': 'admin' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(calls).toEqual([
      'guard:app',
      'guard:auth:http',
      'guard:roles(admin)',
      'before:app',
      'before:class',
      'before:method',
      'handler',
      'after:method',
      'after:class',
      'after:app',
    ]);
  });

  it('a guard returning false is 403 FORBIDDEN, a guard throwing keeps its error', async () => {
    app = await build().compile();
    const forbidden = await app.inject({
      url: '/guarded/admin',
      headers: { authorization: 'Bearer x', 'x-role': 'guest' },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
    const unauthorized = await app.inject({ url: '/guarded/admin' });
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(calls).not.toContain('handler');
  });

  it('guards run before validation: an unauthenticated caller learns nothing about the schema', async () => {
    app = await build().compile();
    const res = await app.inject({
      method: 'POST',
      url: '/guarded/validated',
      payload: { wrong: 1 },
    });
    expect(res.statusCode).toBe(401);
    const authed = await app.inject({
      method: 'POST',
      url: '/guarded/validated',
      payload: { wrong: 1 },
      headers: { authorization: 'Bearer x' },
    });
    expect(authed.statusCode).toBe(400);
  });

  it('an interceptor can replace the result', async () => {
    app = await build().compile();
    const res = await app.inject({
      url: '/guarded/wrapped',
      headers: { authorization: 'Bearer x' },
    });
    expect(res.json()).toEqual({ wrapped: 1 });
  });

  it('a method filter catches its error type first; the app filter sees the rest', async () => {
    app = await build().compile();
    const teapot = await app.inject({
      url: '/guarded/teapot',
      headers: { authorization: 'Bearer x' },
    });
    expect(teapot.statusCode).toBe(418);
    expect(teapot.json()).toEqual({ teapot: true });
    expect(calls).toContain('filter:teapot');
    const boom = await app.inject('/plain/boom');
    expect(boom.statusCode).toBe(500);
    expect(calls).toContain('filter:global:RangeError');
    expect(boom.body).not.toContain('internal detail');
    expect(boom.json()).toMatchObject({
      statusCode: 500,
      code: 'INTERNAL',
      requestId: expect.any(String),
    });
  });

  it('overrideGuard replaces a guard class everywhere', async () => {
    app = await build()
      .overrideGuard(AuthGuard)
      .useValue({ canActivate: () => calls.push('guard:fake') > 0 })
      .compile();
    const res = await app.inject({ url: '/guarded/admin', headers: { 'x-role': 'admin' } });
    expect(res.statusCode).toBe(200);
    expect(calls).toContain('guard:fake');
  });

  it('a route without enhancers of its own only pays for the app-wide ones', async () => {
    app = await createTestingModule({ controllers: [PlainController] }).compile();
    const res = await app.inject('/plain');
    expect(res.json()).toEqual({ plain: true });
    expect(calls).toEqual(['plain']);
  });
});
