/** Redis attempt limiter: one atomic Lua call per operation; falls back to memory while Redis is away. */
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import {
  ATTEMPT_LOCKOUT_MEMORY_MS,
  type AttemptLimiter,
  type AttemptPolicy,
  type AttemptState,
  createToken,
  Inject,
  Injectable,
  LOGGER,
  type Logger,
  MAX_ATTEMPT_BLOCK_MS,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
} from '#core';
import { RedisConnections, requireRedisConnections } from '../redis/redis-connections.js';
import { RedisGuard } from '../redis/redis-guard.js';
import { ATTEMPT_SCRIPT } from './attempt-script.js';
import { MemoryAttemptLimiter } from './memory-attempt-limiter.js';

/** Settings of `RedisAttemptLimiter` (milliseconds); the server is `RedisModule`'s. */
export interface RedisAttemptLimiterOptions {
  /** Namespace of every key. Default `keel:attempts:`. */
  prefix?: string;
  /** A call that takes longer is answered by the memory fallback. Default 250. */
  timeoutMs?: number;
  /** How long Redis is skipped once the breaker opens. Default 5000. */
  cooldownMs?: number;
  /** Consecutive failures that open the breaker. Default 3. */
  failureThreshold?: number;
}

/** Options of `RedisAttemptLimiter` when the container builds it. */
export const REDIS_ATTEMPTS_OPTIONS =
  createToken<RedisAttemptLimiterOptions>('RedisAttemptsOptions');

type Op = 'peek' | 'fail' | 'reset';

/**
 * Counts in Redis, so every worker sees the same counts. Each call is bounded by `RedisGuard`
 * (timeout + breaker); when Redis cannot answer, an in-process `MemoryAttemptLimiter` counts
 * instead (one warning per outage): attempts stay limited, per worker, and never hang.
 */
@Injectable()
export class RedisAttemptLimiter implements AttemptLimiter, OnModuleInit, OnApplicationShutdown {
  private client: Redis | undefined;
  private closed = false;
  private degraded = false;
  private readonly fallback = new MemoryAttemptLimiter();
  private readonly guard: RedisGuard;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly connections: RedisConnections;

  constructor(
    @Inject(REDIS_ATTEMPTS_OPTIONS) options: RedisAttemptLimiterOptions,
    @Optional() @Inject(RedisConnections) connections: RedisConnections | undefined,
    @Optional() @Inject(LOGGER) private readonly logger: Logger = pino({ level: 'warn' }),
  ) {
    this.connections = requireRedisConnections(connections, 'RedisAttemptLimiter');
    this.prefix = options.prefix ?? 'keel:attempts:';
    this.timeoutMs = options.timeoutMs ?? 250;
    this.guard = new RedisGuard({
      component: 'attempts',
      timeoutMs: this.timeoutMs,
      cooldownMs: options.cooldownMs ?? 5000,
      failureThreshold: options.failureThreshold ?? 3,
      logger: this.logger,
    });
  }

  /** Connects (bounded by the connect timeout); boot goes on with the fallback if Redis is down. */
  async onModuleInit(): Promise<void> {
    await this.connections.ready(this.connection());
  }

  peek(key: string, policy: AttemptPolicy): Promise<AttemptState> {
    return this.call('peek', key, policy);
  }

  fail(key: string, policy: AttemptPolicy): Promise<AttemptState> {
    return this.call('fail', key, policy);
  }

  async reset(key: string): Promise<void> {
    await this.call('reset', key, { limit: 1, windowMs: 1 });
  }

  /** Stops using Redis (the fallback answers). `RedisConnections` quits the client after. */
  onApplicationShutdown(): void {
    this.closed = true;
    this.client = undefined;
  }

  private async call(op: Op, key: string, policy: AttemptPolicy): Promise<AttemptState> {
    const result = this.closed
      ? { ok: false as const }
      : await this.guard.run(() => this.evaluate(this.connection(), op, key, policy));
    if (result.ok) {
      if (this.degraded) this.recovered();
      return result.value;
    }
    this.degrade();
    if (op === 'reset') {
      await this.fallback.reset(key);
      return { blocked: false, retryAfterMs: 0, count: 0 };
    }
    return this.fallback[op](key, policy);
  }

  private async evaluate(client: Redis, op: Op, key: string, policy: AttemptPolicy) {
    const reply = (await client.eval(
      ATTEMPT_SCRIPT,
      1,
      `${this.prefix}${key}`,
      op,
      policy.limit,
      Math.max(1, Math.ceil(policy.windowMs)),
      MAX_ATTEMPT_BLOCK_MS,
      ATTEMPT_LOCKOUT_MEMORY_MS,
    )) as [number, number, number];
    return { blocked: reply[0] === 1, retryAfterMs: reply[1], count: reply[2] };
  }

  private degrade(): void {
    if (this.degraded || this.closed) return;
    this.degraded = true;
    this.logger.warn(
      { component: 'attempts' },
      'redis unavailable: sign-in attempts are counted in this process until it returns',
    );
  }

  private recovered(): void {
    this.degraded = false;
    this.logger.info(
      { component: 'attempts' },
      'redis is back: sign-in attempts counted in Redis again',
    );
  }

  private connection(): Redis {
    this.client ??= this.connections.get('attempts', 'command', {
      commandTimeoutMs: this.timeoutMs,
    });
    return this.client;
  }
}
