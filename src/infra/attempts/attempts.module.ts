/** `AttemptsModule.forRoot({ driver })`: a global module exporting `ATTEMPT_LIMITER` (memory or Redis). */
import type { DynamicModule, Provider } from '#core';
import { ATTEMPT_LIMITER, Module } from '#core';
import { unknownDriver } from '../infra-errors.js';
import { MemoryAttemptLimiter } from './memory-attempt-limiter.js';
import { REDIS_ATTEMPTS_OPTIONS, RedisAttemptLimiter } from './redis-attempt-limiter.js';

/**
 * What the app chooses for its attempt limiter. `redis` uses the connections of
 * `RedisModule.forRoot({ url })`, which the app imports once next to this module.
 */
export interface AttemptsModuleOptions {
  driver: 'memory' | 'redis';
  /** Redis key namespace. Default `keel:attempts:`. */
  prefix?: string;
  /** Memory: keys kept at most. Default 100000. */
  maxKeys?: number;
  /** Redis: a call that takes longer is answered from memory. Default 250 ms. */
  timeoutMs?: number;
}

/** Exports `ATTEMPT_LIMITER`; code injects `@Inject(ATTEMPT_LIMITER)`, never an adapter. */
@Module({})
export class AttemptsModule {
  /** A global module: import it once, from AppModule. */
  static forRoot(options: AttemptsModuleOptions): DynamicModule {
    return {
      module: AttemptsModule,
      global: true,
      providers: adapterProviders(options),
      exports: [ATTEMPT_LIMITER],
    };
  }
}

function adapterProviders(options: AttemptsModuleOptions): Provider[] {
  if (options.driver === 'memory') {
    const { maxKeys } = options;
    return [{ provide: ATTEMPT_LIMITER, useFactory: () => new MemoryAttemptLimiter({ maxKeys }) }];
  }
  if (options.driver !== 'redis') {
    throw unknownDriver('AttemptsModule', options.driver, ['memory', 'redis']);
  }
  const { prefix, timeoutMs } = options;
  return [
    { provide: REDIS_ATTEMPTS_OPTIONS, useValue: { prefix, timeoutMs } },
    { provide: ATTEMPT_LIMITER, useClass: RedisAttemptLimiter },
  ];
}
