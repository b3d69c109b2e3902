/** Redis cache adapter: JSON values under a prefix, PX TTLs, tag sets; degrades to misses. */
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import type {
  CacheSetOptions,
  HealthCheckResult,
  OnApplicationShutdown,
  OnModuleInit,
} from '#core';
import { createToken, Inject, Injectable, LOGGER, type Logger, Optional } from '#core';
import { RedisConnections, requireRedisConnections } from '../redis/redis-connections.js';
import { type GuardResult, RedisGuard } from '../redis/redis-guard.js';
import type { CacheAdapter } from './cache.tokens.js';
import { CACHE_DEFAULTS, resolveTtl } from './cache-defaults.js';
import { type CacheValueCodec, cacheJson, cacheValueCodec } from './cache-value.js';
import { SingleFlight } from './single-flight.js';

/** Settings of `RedisCache` (durations in milliseconds); the server is `RedisModule`'s. */
export interface RedisCacheOptions {
  /** Namespace of every key. Default `keel:`. */
  prefix?: string;
  defaultTtlMs?: number;
  /** A cache call (and its Redis command) gives up after this long: a miss. Default 150. */
  timeoutMs?: number;
  /** How long Redis is skipped once the breaker opens. Default 5000. */
  cooldownMs?: number;
  /** Consecutive failures that open the breaker. Default 3. */
  failureThreshold?: number;
  /** Reads return mutable values (each is its own parse anyway) instead of frozen ones. */
  clone?: boolean;
}

/** Options of `RedisCache` when the container builds it. */
export const REDIS_CACHE_OPTIONS = createToken<RedisCacheOptions>('RedisCacheOptions');

// Deletes every member of each tag set, then the sets, atomically (no write slips in between).
const INVALIDATE_TAGS = `
for _, tagKey in ipairs(KEYS) do
  local members = redis.call('SMEMBERS', tagKey)
  for i = 1, #members, 500 do
    redis.call('DEL', unpack(members, i, math.min(i + 499, #members)))
  end
  redis.call('DEL', tagKey)
end
return 0`;

/**
 * Every call is bounded by `RedisGuard`: when Redis is slow or gone, reads are misses and writes
 * are no-ops, so requests run at database speed. Caching resumes by itself when Redis returns.
 * Its client (`keel:cache:cache`) belongs to `RedisConnections`, which closes it at shutdown.
 */
@Injectable()
export class RedisCache implements CacheAdapter, OnModuleInit, OnApplicationShutdown {
  readonly driver = 'redis';
  private client: Redis | undefined;
  private connected: Promise<boolean> = Promise.resolve(false);
  private closed = false;
  private readonly guard: RedisGuard;
  private readonly flights = new SingleFlight({
    get: (key) => this.get(key),
    store: (key, value, options) => this.store(key, value, options),
  });
  private readonly codec: CacheValueCodec;
  private readonly prefix: string;
  private readonly defaultTtlMs: number;
  private readonly timeoutMs: number;
  private readonly connections: RedisConnections;

  constructor(
    @Inject(REDIS_CACHE_OPTIONS) options: RedisCacheOptions,
    @Optional() @Inject(RedisConnections) connections: RedisConnections | undefined,
    @Optional() @Inject(LOGGER) private readonly logger: Logger = pino({ level: 'warn' }),
  ) {
    this.connections = requireRedisConnections(connections, 'RedisCache');
    this.timeoutMs = options.timeoutMs ?? CACHE_DEFAULTS.timeoutMs;
    this.prefix = options.prefix ?? CACHE_DEFAULTS.prefix;
    this.defaultTtlMs = options.defaultTtlMs ?? CACHE_DEFAULTS.defaultTtlMs;
    this.codec = cacheValueCodec(options.clone);
    this.guard = new RedisGuard({
      component: 'cache',
      timeoutMs: this.timeoutMs,
      cooldownMs: options.cooldownMs ?? CACHE_DEFAULTS.cooldownMs,
      failureThreshold: options.failureThreshold ?? CACHE_DEFAULTS.failureThreshold,
      logger,
    });
  }

  /** Connects (bounded by the connect timeout); boot goes on without Redis if it is down. */
  async onModuleInit(): Promise<void> {
    this.connection();
    await this.connected;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const result = await this.call((client) => client.get(this.entryKey(key)));
    if (!result.ok || result.value === null) return undefined;
    try {
      // Frozen like a memory hit, so code that works on one driver works on the other.
      return this.codec.handOut(this.codec.keep(result.value)) as T;
    } catch {
      this.logger.warn({ component: 'cache' }, 'redis cache entry is not JSON: treated as a miss');
      return undefined;
    }
  }

  async set<T>(key: string, value: T, options?: CacheSetOptions): Promise<void> {
    await this.store(key, value, options);
  }

  async delete(key: string): Promise<void> {
    await this.call((client) => client.del(this.entryKey(key)));
  }

  wrap<T>(key: string, loader: () => Promise<T>, options?: CacheSetOptions): Promise<T> {
    return this.flights.wrap(key, loader, options);
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    const tagKeys = [...new Set(tags)].map((tag) => this.tagKey(tag));
    await this.call((client) => client.eval(INVALIDATE_TAGS, tagKeys.length, ...tagKeys));
  }

  /** `ok` when Redis answers a PING in time; `degraded` (with details) otherwise. */
  async health(): Promise<HealthCheckResult> {
    const before = this.guard.status();
    if (before.available) {
      const ping = await this.call((client) => client.ping());
      if (ping.ok) return { status: 'ok', details: { driver: this.driver } };
    }
    const { since, reason } = this.guard.status();
    return {
      status: 'degraded',
      details: {
        driver: this.driver,
        redis: 'unavailable',
        since,
        reason,
        fallback: 'cache misses',
      },
    };
  }

  /** Stops using Redis: later calls are misses. `RedisConnections` quits the client after. */
  onApplicationShutdown(): void {
    this.closed = true;
    this.client = undefined;
  }

  /** Writes `value` and returns what a hit on `key` returns (even when Redis is unavailable). */
  private async store<T>(key: string, value: T, options?: CacheSetOptions): Promise<T> {
    const json = cacheJson(value);
    if (json === undefined) {
      await this.delete(key);
      return value;
    }
    const entryKey = this.entryKey(key);
    const ttl = resolveTtl(options?.ttl, this.defaultTtlMs);
    await this.call((client) => {
      const tx = client.multi().set(entryKey, json, 'PX', ttl);
      for (const tag of new Set(options?.tags ?? [])) {
        // A tag set lives as long as its longest-lived entry: NX sets a first TTL, GT extends it.
        const tagKey = this.tagKey(tag);
        tx.sadd(tagKey, entryKey).pexpire(tagKey, ttl, 'NX').pexpire(tagKey, ttl, 'GT');
      }
      return tx.exec();
    });
    return this.codec.handOut(this.codec.keep(json)) as T;
  }

  private call<T>(fn: (client: Redis) => Promise<T>): Promise<GuardResult<T>> {
    if (this.closed) return Promise.resolve({ ok: false });
    const client = this.connection();
    return this.guard.run(() => fn(client));
  }

  private connection(): Redis {
    if (this.client) return this.client;
    // The command timeout is the guard's: a reply later than that is a miss anyway.
    const client = this.connections.get('cache', 'cache', { commandTimeoutMs: this.timeoutMs });
    this.client = client;
    this.connected = this.connections.ready(client);
    return client;
  }

  private entryKey(key: string): string {
    return `${this.prefix}v:${key}`;
  }

  private tagKey(tag: string): string {
    return `${this.prefix}t:${tag}`;
  }
}
