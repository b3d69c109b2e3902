/** `IdempotencyModule.forRoot({ driver })`: `IDEMPOTENCY_STORE` plus the interceptor and its hooks. */
import type { DynamicModule, Provider } from '#core';
import { APP_INTERCEPTOR, IDEMPOTENCY_STORE, Module } from '#core';
import { unknownDriver } from '../infra-errors.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { idempotencyMessages } from './idempotency.messages.js';
import {
  DEFAULT_LOCK_MS,
  DEFAULT_RETENTION_MS,
  IDEMPOTENCY_OPTIONS,
  type ResolvedIdempotencyOptions,
} from './idempotency-options.js';
import { IdempotencyRecorder } from './idempotency-recorder.js';
import { MemoryIdempotencyStore } from './memory-idempotency-store.js';
import { REDIS_IDEMPOTENCY_OPTIONS, RedisIdempotencyStore } from './redis-idempotency-store.js';

/**
 * What the app chooses. `redis` uses the connections of `RedisModule.forRoot({ url })`, which the
 * app imports once next to this module; `memory` suits one worker and tests.
 */
export interface IdempotencyModuleOptions {
  driver: 'memory' | 'redis';
  /** Redis key namespace. Default `keel:idem:`. */
  prefix?: string;
  /** How long responses are kept for retries. Default 24 h. */
  retentionMs?: number;
  /** How long a claim lives if its run never settles (a crashed worker). Default 60 s. */
  lockMs?: number;
  /** Every POST/PUT/PATCH/DELETE route honours keys, not only `@Idempotent` ones. Default false. */
  allUnsafeMethods?: boolean;
  /** Memory: records kept at most. Default 10000. */
  maxKeys?: number;
  /** Redis: a call that takes longer answers 503. Default 250 ms. */
  timeoutMs?: number;
}

/** Exports `IDEMPOTENCY_STORE`; routes opt in with `@Idempotent()`. */
@Module({})
export class IdempotencyModule {
  /** A global module: import it once, from AppModule. */
  static forRoot(options: IdempotencyModuleOptions): DynamicModule {
    const resolved: ResolvedIdempotencyOptions = {
      retentionMs: options.retentionMs ?? DEFAULT_RETENTION_MS,
      lockMs: options.lockMs ?? DEFAULT_LOCK_MS,
      allUnsafeMethods: options.allUnsafeMethods ?? false,
    };
    return {
      module: IdempotencyModule,
      global: true,
      providers: [
        ...storeProviders(options),
        { provide: IDEMPOTENCY_OPTIONS, useValue: resolved },
        IdempotencyRecorder,
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [IDEMPOTENCY_STORE],
      messages: [idempotencyMessages],
    };
  }
}

function storeProviders(options: IdempotencyModuleOptions): Provider[] {
  if (options.driver === 'memory') {
    const { maxKeys } = options;
    return [
      { provide: IDEMPOTENCY_STORE, useFactory: () => new MemoryIdempotencyStore({ maxKeys }) },
    ];
  }
  if (options.driver !== 'redis') {
    throw unknownDriver('IdempotencyModule', options.driver, ['memory', 'redis']);
  }
  const { prefix, timeoutMs } = options;
  return [
    { provide: REDIS_IDEMPOTENCY_OPTIONS, useValue: { prefix, timeoutMs } },
    { provide: IDEMPOTENCY_STORE, useClass: RedisIdempotencyStore },
  ];
}
