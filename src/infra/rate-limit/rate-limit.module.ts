/** `RateLimitModule.forRoot({ driver })`: the rate-limit store and the guard of `@RateLimit` routes. */
import type { DynamicModule, Provider } from '#core';
import { APP_GUARD, Module, RATE_LIMIT_STORE } from '#core';
import { unknownDriver } from '../infra-errors.js';
import { MemoryRateLimitStore } from './memory-rate-limit.store.js';
import type { RateLimitOptions } from './rate-limit.decorator.js';
import { RATE_LIMIT_SETTINGS, RateLimitGuard } from './rate-limit.guard.js';
import { checkWindow, type RateLimitSettings, type RateLimitWindow } from './rate-limit-policy.js';
import { REDIS_RATE_LIMIT_OPTIONS, RedisRateLimitStore } from './redis-rate-limit.store.js';

/**
 * What the app chooses. `redis` uses the connections of `RedisModule.forRoot({ url })`. Import
 * this module after AuthModule: guards run in registration order, and `key: 'user'` needs the
 * principal the auth guard sets (before it, every caller counts by IP).
 */
export interface RateLimitModuleOptions {
  driver: 'memory' | 'redis';
  /** Redis key namespace. Default `keel:rate-limit:`. */
  prefix?: string;
  /** Applied to every route without `@RateLimit` (`@RateLimit(false)` opts out). Default: none. */
  defaultPolicy?: RateLimitWindow | undefined;
  /** Named policies, for `@RateLimit('name')`; routes naming the same policy share counts. */
  policies?: Record<string, RateLimitOptions>;
  /** Store unavailable: true lets requests through, false answers 503. Default true. */
  failOpen?: boolean;
  /** Memory: keys kept at most. Default 100000. */
  maxKeys?: number;
  /** Redis: a call that takes longer counts as unavailable. Default 250 ms. */
  timeoutMs?: number;
}

/** Exports `RATE_LIMIT_STORE` and registers `RateLimitGuard` as an app guard. */
@Module({})
export class RateLimitModule {
  /** A global module: import it once, from AppModule, after AuthModule. */
  static forRoot(options: RateLimitModuleOptions): DynamicModule {
    const policies = options.policies ?? {};
    if (options.defaultPolicy) checkWindow('forRoot({ defaultPolicy })', options.defaultPolicy);
    for (const [name, policy] of Object.entries(policies)) checkWindow(`policy '${name}'`, policy);
    const settings: RateLimitSettings = {
      defaultPolicy: options.defaultPolicy,
      policies,
      failOpen: options.failOpen ?? true,
    };
    return {
      module: RateLimitModule,
      global: true,
      providers: [
        ...storeProviders(options),
        { provide: RATE_LIMIT_SETTINGS, useValue: settings },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      exports: [RATE_LIMIT_STORE],
    };
  }
}

function storeProviders(options: RateLimitModuleOptions): Provider[] {
  if (options.driver === 'memory') {
    const { maxKeys } = options;
    return [{ provide: RATE_LIMIT_STORE, useFactory: () => new MemoryRateLimitStore({ maxKeys }) }];
  }
  if (options.driver !== 'redis') {
    throw unknownDriver('RateLimitModule', options.driver, ['memory', 'redis']);
  }
  const { prefix, timeoutMs } = options;
  return [
    { provide: REDIS_RATE_LIMIT_OPTIONS, useValue: { prefix, timeoutMs } },
    { provide: RATE_LIMIT_STORE, useClass: RedisRateLimitStore },
  ];
}
