/** `appliesTo` leaves app-wide enhancers off routes at boot; `describeRoute` documents what they add. */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  APP_GUARD,
  APP_INTERCEPTOR,
  type App,
  type CallHandler,
  type CanActivate,
  Controller,
  createTestingModule,
  type ExecutionContext,
  Get,
  Injectable,
  type Interceptor,
  Post,
  type RouteTarget,
  SetMetadata,
} from '#core';

const MARKED = Symbol('test:marked');
const Marked = () => SetMetadata(MARKED, true);
const isMarked = (target: RouteTarget) => Reflect.getMetadata(MARKED, target.handler) === true;
const seen: string[] = [];

@Injectable()
class MarkedGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    seen.push(`guard:${context.getHandler().name}`);
    return true;
  }
  appliesTo(target: RouteTarget): boolean {
    return isMarked(target);
  }
  describeRoute() {
    return { errors: [429] };
  }
}

@Injectable()
class MarkedInterceptor implements Interceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    seen.push(`interceptor:${context.getHandler().name}`);
    return next.handle();
  }
  appliesTo(target: RouteTarget): boolean {
    return isMarked(target);
  }
  describeRoute() {
    return { errors: [409, 422], headers: { 'x-probe-key': z.string().max(10).optional() } };
  }
}

@Controller('/probe')
class ProbeController {
  @Get('/plain')
  plain() {
    return { ok: true };
  }

  @Post('/marked')
  @Marked()
  marked() {
    return { ok: true };
  }
}

interface Operation {
  parameters?: Array<{ in: string; name: string }>;
  responses: Record<string, unknown>;
}

describe('enhancers that declare appliesTo', () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
    seen.length = 0;
  });

  async function boot(): Promise<App> {
    app = await createTestingModule({
      controllers: [ProbeController],
      providers: [
        { provide: APP_GUARD, useClass: MarkedGuard },
        { provide: APP_INTERCEPTOR, useClass: MarkedInterceptor },
      ],
    }).compile({ http: { docs: { title: 'applies-to', version: '1' } } });
    return app;
  }

  it('run on the routes they apply to and are absent from the others', async () => {
    const server = await boot();
    expect((await server.inject({ method: 'GET', url: '/probe/plain' })).statusCode).toBe(200);
    expect(seen).toEqual([]);
    expect((await server.inject({ method: 'POST', url: '/probe/marked' })).statusCode).toBe(201);
    expect(seen).toEqual(['guard:marked', 'interceptor:marked']);
  });

  it('document their statuses and headers on those routes only, without validating the headers', async () => {
    const server = await boot();
    const document = (await server.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const marked = document.paths['/probe/marked']?.post;
    const plain = document.paths['/probe/plain']?.get;
    expect(Object.keys(marked?.responses ?? {})).toEqual(
      expect.arrayContaining(['409', '422', '429']),
    );
    expect(marked?.parameters).toEqual([
      expect.objectContaining({ in: 'header', name: 'x-probe-key' }),
    ]);
    expect(Object.keys(plain?.responses ?? {})).not.toContain('429');
    expect(plain?.parameters ?? []).toEqual([]);
    // Documented only: a value the documented schema would refuse still reaches the handler.
    const long = await server.inject({
      method: 'POST',
      url: '/probe/marked',
      headers: { 'x-probe-key': 'longer than ten characters' },
    });
    expect(long.statusCode).toBe(201);
  });
});
