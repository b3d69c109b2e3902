/** `LockModule.forRoot({ driver })`: a global module exporting `LOCK` (memory, Redis or Postgres). */
import type { DynamicModule, Provider } from '#core';
import { LOCK, Module } from '#core';
import { unknownDriver } from '../infra-errors.js';
import { LockDecoratorsExplorer } from './lock-decorators.explorer.js';
import { MemoryLock } from './memory-lock.js';
import { POSTGRES_LOCK_OPTIONS, PostgresLock } from './postgres-lock.js';
import { REDIS_LOCK_OPTIONS, RedisLock } from './redis-lock.js';

/**
 * What the app chooses for its lock. `redis` uses the connections of `RedisModule.forRoot`;
 * `postgres` the `DATABASE` of `DatabaseModule.forRoot`; `memory` holds in this process only.
 */
export interface LockModuleOptions {
  driver: 'memory' | 'redis' | 'postgres';
  /** Key namespace (redis: key prefix; postgres: prefix of the key column). Default `keel:lock:`. */
  prefix?: string;
  /** Redis: a call that takes longer fails as `LockUnavailableError`. Default 250 ms. */
  timeoutMs?: number;
  /** Postgres: the lease table (created at init when missing). Default `keel_locks`. */
  table?: string;
}

/** Exports `LOCK`; wires `@WithLock`. Code injects `@Inject(LOCK)`, never an adapter. */
@Module({})
export class LockModule {
  /** A global module: import it once, from AppModule. */
  static forRoot(options: LockModuleOptions): DynamicModule {
    return {
      module: LockModule,
      global: true,
      providers: [...adapterProviders(options), LockDecoratorsExplorer],
      exports: [LOCK],
    };
  }
}

function adapterProviders(options: LockModuleOptions): Provider[] {
  const { driver, prefix, timeoutMs } = options;
  if (driver === 'memory') return [{ provide: LOCK, useFactory: () => new MemoryLock() }];
  if (driver === 'redis') {
    return [
      { provide: REDIS_LOCK_OPTIONS, useValue: { prefix, timeoutMs } },
      { provide: LOCK, useClass: RedisLock },
    ];
  }
  if (driver === 'postgres') {
    return [
      { provide: POSTGRES_LOCK_OPTIONS, useValue: { prefix, table: options.table } },
      { provide: LOCK, useClass: PostgresLock },
    ];
  }
  throw unknownDriver('LockModule', driver, ['memory', 'redis', 'postgres']);
}
