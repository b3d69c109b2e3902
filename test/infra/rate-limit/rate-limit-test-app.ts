/** A small app behind AuthModule and RateLimitModule: routes limited by IP, user, named policy. */
import {
  type App,
  type AppOptions,
  AUTHENTICATOR,
  type Authenticator,
  Controller,
  createTestingModule,
  type DynamicModule,
  Get,
  HTTP_OPTIONS,
  Public,
} from '#core';
import { AuthModule } from '#infra/auth';
import { RateLimit, RateLimitModule, type RateLimitModuleOptions } from '#infra/rate-limit';

/** Routes of every kind of limit. */
@Public()
@Controller('/rl')
export class LimitedController {
  @RateLimit({ limit: 2, windowMs: 60_000 })
  @Get('/ip')
  ip() {
    return { ok: true };
  }

  @RateLimit({ limit: 2, windowMs: 60_000, key: 'user' })
  @Get('/user')
  user() {
    return { ok: true };
  }

  @RateLimit(false)
  @Get('/free')
  free() {
    return { ok: true };
  }

  @Get('/plain')
  plain() {
    return { ok: true };
  }

  @RateLimit('shared')
  @Get('/a')
  a() {
    return { ok: true };
  }

  @RateLimit('shared')
  @Get('/b')
  b() {
    return { ok: true };
  }

  @RateLimit({ limit: 2, windowMs: 60_000 })
  @Get('/c')
  c() {
    return { ok: true };
  }
}

/** A class-level limit with one method overriding it. */
@Public()
@RateLimit({ limit: 1, windowMs: 60_000, name: 'whole-class' })
@Controller('/cls')
export class ClassLimitedController {
  @Get('/one')
  one() {
    return { ok: true };
  }

  @RateLimit({ limit: 3, windowMs: 60_000 })
  @Get('/three')
  three() {
    return { ok: true };
  }
}

/** Names a policy nobody configured. */
@Public()
@Controller('/bad')
export class UnknownPolicyController {
  @RateLimit('nope')
  @Get('/')
  bad() {
    return { ok: true };
  }
}

/** The bearer token is the subject: `Bearer alice` is alice; no token is anonymous. */
export const tokenIsSubject: Authenticator = {
  authenticate: async ({ bearerToken }) =>
    bearerToken === undefined ? undefined : { sub: bearerToken, roles: [], scopes: [] },
};

/** Boots the limited app; RateLimitModule comes after AuthModule so `'user'` keys see the principal. */
export function limitedApp(
  options: Partial<RateLimitModuleOptions> = {},
  extra: { imports?: DynamicModule[]; controllers?: Function[]; app?: AppOptions } = {},
): Promise<App> {
  return createTestingModule({
    imports: [
      ...(extra.imports ?? []),
      AuthModule.forRoot({
        issuer: 'keel',
        audience: 'keel-api',
        keys: { generateIfMissing: 'memory' },
      }),
      RateLimitModule.forRoot({
        driver: 'memory',
        policies: { shared: { limit: 2, windowMs: 60_000 } },
        ...options,
      }),
    ],
    controllers: (extra.controllers ?? [LimitedController, ClassLimitedController]) as never,
    providers: [{ provide: HTTP_OPTIONS, useValue: { docs: { title: 'Limited', version: '1' } } }],
  })
    .overrideProvider(AUTHENTICATOR)
    .useValue(tokenIsSubject)
    .compile(extra.app);
}
