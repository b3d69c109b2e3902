/** A small app behind IdempotencyModule: counted handlers, a caller chosen by `x-user`. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  APP_GUARD,
  type App,
  Body,
  type CanActivate,
  Controller,
  createTestingModule,
  Delete,
  type DynamicModule,
  type ExecutionContext,
  Injectable,
  InternalError,
  NotFoundError,
  Param,
  Post,
  type Principal,
  RequestContext,
  Res,
} from '#core';
import { IdempotencyModule, type IdempotencyModuleOptions, Idempotent } from '#infra/idempotency';

/** How many times each handler really ran. */
export const runs = { orders: 0, slow: 0, flaky: 0, missing: 0, remove: 0, strict: 0, plain: 0 };

/** Resets `runs` (each test starts from zero). */
export function resetRuns(): void {
  for (const name of Object.keys(runs)) runs[name as keyof typeof runs] = 0;
}

const OrderBody = z.object({ item: z.string() });
const OrderDto = z.object({ id: z.number(), item: z.string(), by: z.string() });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sets the principal from `x-user` (no token needed), as an auth guard would. */
@Injectable()
class HeaderPrincipalGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const current = RequestContext.current();
    const sub = context.switchToHttp().getRequest<FastifyRequest>().headers['x-user'];
    if (current && typeof sub === 'string') {
      current.principal = { sub, roles: [], scopes: [] } satisfies Principal;
    }
    return true;
  }
}

/** Routes that count their runs. */
@Controller('/shop')
class ShopController {
  @Idempotent({ headers: ['X-Order-Version'] })
  @Post('/orders', { body: OrderBody, response: { 201: OrderDto } })
  order(@Body() body: z.infer<typeof OrderBody>, @Res() reply: FastifyReply) {
    runs.orders += 1;
    const by = RequestContext.current()?.principal?.sub ?? 'anonymous';
    reply.header('location', `/shop/orders/${runs.orders}`).header('x-order-version', '3');
    reply.header('x-not-stored', 'yes');
    return { id: runs.orders, item: body.item, by };
  }

  @Idempotent()
  @Post('/slow')
  async slow() {
    runs.slow += 1;
    await sleep(300);
    return { run: runs.slow };
  }

  @Idempotent()
  @Post('/flaky')
  flaky() {
    runs.flaky += 1;
    if (runs.flaky === 1) throw new InternalError();
    return { run: runs.flaky };
  }

  @Idempotent()
  @Post('/missing')
  missing() {
    runs.missing += 1;
    throw new NotFoundError();
  }

  @Idempotent()
  @Delete('/orders/:id')
  remove(@Param('id') _id: string) {
    runs.remove += 1;
  }

  @Idempotent({ required: true })
  @Post('/strict')
  strict() {
    runs.strict += 1;
    return { ok: true };
  }

  @Post('/plain')
  plain() {
    runs.plain += 1;
    return { run: runs.plain };
  }
}

/** Builds the shop app over `options` (Redis needs `extra` to hold `RedisModule.forRoot`). */
export function shopApp(
  options: IdempotencyModuleOptions = { driver: 'memory' },
  extra: DynamicModule[] = [],
): Promise<App> {
  return createTestingModule({
    imports: [...extra, IdempotencyModule.forRoot(options)],
    controllers: [ShopController],
    providers: [{ provide: APP_GUARD, useClass: HeaderPrincipalGuard }],
  }).compile();
}
