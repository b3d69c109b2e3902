/** Redis rate-limit store: one atomic Lua call per hit; rejects (never falls back) when Redis is away. */

import type { Redis } from 'ioredis';
import { pino } from 'pino';
import {
  createToken,
  Inject,
  Injectable,
  LOGGER,
  type Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
  type RateLimitDecision,
  type RateLimitPolicy,
  type RateLimitStore,
  RateLimitUnavailableError,
} from '#core';
import { GuardedRedis } from '../redis/guarded-redis.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { RATE_LIMIT_SCRIPT } from './rate-limit-script.js';

/** Settings of `RedisRateLimitStore` (milliseconds); the server is `RedisModule`'s. */
export interface RedisRateLimitStoreOptions {
  /** Namespace of every key. Default `keel:rate-limit:`. */
  prefix?: string;
  /** A call that takes longer rejects with `RateLimitUnavailableError`. Default 250. */
  timeoutMs?: number;
  /** How long Redis is skipped once the breaker opens. Default 5000. */
  cooldownMs?: number;
  /** Consecutive failures that open the breaker. Default 3. */
  failureThreshold?: number;
}

/** Options of `RedisRateLimitStore` when the container builds it. */
export const REDIS_RATE_LIMIT_OPTIONS =
  createToken<RedisRateLimitStoreOptions>('RedisRateLimitOptions');

/**
 * Counts in Redis, so every worker shares the counts. Each call is bounded by `RedisGuard`
 * (timeout + breaker): when Redis cannot answer, `consume` rejects with
 * `RateLimitUnavailableError` at once — the caller decides (`failOpen`); it never hangs.
 */
@Injectable()
export class RedisRateLimitStore implements RateLimitStore, OnModuleInit, OnApplicationShutdown {
  private readonly redis: GuardedRedis;
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_RATE_LIMIT_OPTIONS) options: RedisRateLimitStoreOptions,
    @Optional() @Inject(RedisConnections) connections: RedisConnections | undefined,
    @Optional() @Inject(LOGGER) logger: Logger = pino({ level: 'warn' }),
  ) {
    this.prefix = options.prefix ?? 'keel:rate-limit:';
    this.redis = new GuardedRedis(connections, {
      consumer: 'RedisRateLimitStore',
      component: 'rate-limit',
      timeoutMs: options.timeoutMs ?? 250,
      cooldownMs: options.cooldownMs ?? 5000,
      failureThreshold: options.failureThreshold ?? 3,
      logger,
    });
  }

  /** Connects (bounded by the connect timeout); boot goes on if Redis is down. */
  onModuleInit(): Promise<void> {
    return this.redis.ready();
  }

  async consume(key: string, policy: RateLimitPolicy): Promise<RateLimitDecision> {
    const { limit } = policy;
    const windowMs = Math.max(1, Math.ceil(policy.windowMs));
    const reply = await this.run((client) =>
      client.eval(RATE_LIMIT_SCRIPT, 1, `${this.prefix}${key}`, limit, windowMs),
    );
    const [allowed, remaining, resetMs, retryAfterMs] = reply as [number, number, number, number];
    return { allowed: allowed === 1, limit, remaining, resetMs, retryAfterMs };
  }

  async reset(key: string): Promise<void> {
    await this.run((client) => client.del(`${this.prefix}${key}`));
  }

  /** Stops using Redis (calls reject). `RedisConnections` quits the client after. */
  onApplicationShutdown(): void {
    this.redis.close();
  }

  private async run<T>(fn: (client: Redis) => Promise<T>): Promise<T> {
    const result = await this.redis.run(fn);
    if (!result.ok) throw new RateLimitUnavailableError(this.redis.reason());
    return result.value;
  }
}
