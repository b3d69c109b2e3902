/** `CacheModule.forRoot({ driver })`: a global module exporting `CACHE` backed by memory or Redis. */

import type { DynamicModule, Provider } from '#core';
import { CACHE, HEALTH_INDICATOR, Module } from '#core';
import { unknownDriver } from '../infra-errors.js';
import { CacheHealthIndicator } from './cache.health-indicator.js';
import { CACHE_ADAPTER } from './cache.tokens.js';
import { CacheDecoratorsExplorer } from './cache-decorators.explorer.js';
import { MEMORY_CACHE_OPTIONS, MemoryCache } from './memory-cache.js';
import { REDIS_CACHE_OPTIONS, RedisCache } from './redis-cache.js';

/**
 * What the app chooses for its cache (durations in milliseconds). `redis` uses the connections
 * of `RedisModule.forRoot({ url })`, which the app imports once next to this module.
 */
export interface CacheModuleOptions {
  driver: 'memory' | 'redis';
  /** Key namespace (redis). Default `keel:`. */
  prefix?: string;
  defaultTtlMs?: number;
  /** Size bound of the memory cache. Default 10000. */
  maxEntries?: number;
  /**
   * Every read returns a mutable copy of its own instead of the shared, deeply frozen value (for
   * code that changes what the cache gives it); the memory cache then parses JSON on each hit.
   * Default false.
   */
  clone?: boolean;
  /** Redis: a call gives up after this long and counts as a miss. Default 150. */
  timeoutMs?: number;
  /** Redis: how long it is skipped after repeated failures. Default 5000. */
  cooldownMs?: number;
  /** Redis: consecutive failures that open the breaker. Default 3. */
  failureThreshold?: number;
}

/** Exports `CACHE`; wires `@Cacheable`/`@CacheEvict` and the `cache` health check. */
@Module({})
export class CacheModule {
  /** A global cache module; application code injects `@Inject(CACHE)`, never an adapter. */
  static forRoot(options: CacheModuleOptions): DynamicModule {
    return {
      module: CacheModule,
      global: true,
      providers: [
        ...adapterProviders(options),
        { provide: CACHE, useExisting: CACHE_ADAPTER },
        CacheDecoratorsExplorer,
        { provide: HEALTH_INDICATOR, useClass: CacheHealthIndicator },
      ],
      exports: [CACHE],
    };
  }
}

function adapterProviders(options: CacheModuleOptions): Provider[] {
  const { driver, prefix, defaultTtlMs, clone } = options;
  if (driver === 'memory') {
    const memory = { maxEntries: options.maxEntries, defaultTtlMs, clone };
    return [
      { provide: MEMORY_CACHE_OPTIONS, useValue: memory },
      { provide: CACHE_ADAPTER, useClass: MemoryCache },
    ];
  }
  if (driver !== 'redis') {
    throw unknownDriver('CacheModule', driver, ['memory', 'redis']);
  }
  const { timeoutMs, cooldownMs, failureThreshold } = options;
  const redis = { prefix, defaultTtlMs, timeoutMs, cooldownMs, failureThreshold, clone };
  return [
    { provide: REDIS_CACHE_OPTIONS, useValue: redis },
    { provide: CACHE_ADAPTER, useClass: RedisCache },
  ];
}
