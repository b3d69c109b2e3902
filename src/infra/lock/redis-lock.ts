/** Redis lock: `SET NX PX` plus a fence counter in one Lua call; every call bounded by RedisGuard. */
import { pino } from 'pino';
import {
  createToken,
  Inject,
  Injectable,
  type Lease,
  LOGGER,
  type Lock,
  type LockOptions,
  LockUnavailableError,
  type Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
  StaleFenceError,
} from '#core';
import { GuardedRedis } from '../redis/guarded-redis.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { type AcquireBackend, acquireWithBackoff } from './acquire-with-backoff.js';
import { ACQUIRE_SCRIPT, EXTEND_SCRIPT, RELEASE_SCRIPT } from './lock-scripts.js';

/** Settings of `RedisLock` (milliseconds); the server is `RedisModule`'s. */
export interface RedisLockOptions {
  /** Namespace of every key. Default `keel:lock:`. */
  prefix?: string;
  /** A call that takes longer fails (acquire: `LockUnavailableError`). Default 250. */
  timeoutMs?: number;
  /** How long Redis is skipped once the breaker opens. Default 2000. */
  cooldownMs?: number;
  /** Consecutive failures that open the breaker. Default 3. */
  failureThreshold?: number;
}

/** Options of `RedisLock` when the container builds it. */
export const REDIS_LOCK_OPTIONS = createToken<RedisLockOptions>('RedisLockOptions');

/**
 * Holders and fences in Redis, shared by every process. There is no fallback: when Redis cannot
 * answer, `acquire` rejects at once with `LockUnavailableError` (a lock that pretends is worse
 * than none). Waiting retries with jittered, growing backoff until `waitMs`.
 */
@Injectable()
export class RedisLock implements Lock, OnModuleInit, OnApplicationShutdown {
  private readonly redis: GuardedRedis;
  private readonly prefix: string;
  private readonly backend: AcquireBackend = {
    take: (key, token, ttlMs) => this.take(key, token, ttlMs),
    release: (key, token) => this.releaseKey(key, token),
    renew: (key, token, ttlMs) => this.renewKey(key, token, ttlMs),
    firstBackoffMs: 5,
    maxBackoffMs: 100,
  };

  constructor(
    @Inject(REDIS_LOCK_OPTIONS) options: RedisLockOptions,
    @Optional() @Inject(RedisConnections) connections: RedisConnections | undefined,
    @Optional() @Inject(LOGGER) logger: Logger = pino({ level: 'warn' }),
  ) {
    this.prefix = options.prefix ?? 'keel:lock:';
    this.redis = new GuardedRedis(connections, {
      consumer: 'RedisLock',
      component: 'lock',
      timeoutMs: options.timeoutMs ?? 250,
      cooldownMs: options.cooldownMs ?? 2000,
      failureThreshold: options.failureThreshold ?? 3,
      logger,
    });
  }

  /** Connects (bounded by the connect timeout); boot goes on if Redis is down. */
  onModuleInit(): Promise<void> {
    return this.redis.ready();
  }

  /** Stops using Redis: later calls fail as unavailable. `RedisConnections` quits the client. */
  onApplicationShutdown(): void {
    this.redis.close();
  }

  acquire(key: string, options: LockOptions = {}): Promise<Lease> {
    return acquireWithBackoff(this.backend, key, options);
  }

  async assertFence(key: string, fence: number): Promise<void> {
    const result = await this.redis.run((client) => client.get(this.fenceKey(key)));
    if (!result.ok) throw new LockUnavailableError(key);
    if (Number(result.value ?? 0) > fence) throw new StaleFenceError(key, fence);
  }

  private async take(key: string, token: string, ttlMs: number): Promise<number> {
    const keys = [this.lockKey(key), this.fenceKey(key)];
    const result = await this.redis.run((client) =>
      client.eval(ACQUIRE_SCRIPT, 2, ...keys, token, ttlMs),
    );
    if (!result.ok) throw new LockUnavailableError(key);
    return Number(result.value);
  }

  private async releaseKey(key: string, token: string): Promise<boolean | undefined> {
    const result = await this.redis.run((client) =>
      client.eval(RELEASE_SCRIPT, 1, this.lockKey(key), token),
    );
    return result.ok ? Number(result.value) === 1 : undefined;
  }

  private async renewKey(key: string, token: string, ttlMs: number) {
    const ttl = Math.max(1, Math.ceil(ttlMs));
    const result = await this.redis.run((client) =>
      client.eval(EXTEND_SCRIPT, 1, this.lockKey(key), token, ttl),
    );
    if (!result.ok) return 'unavailable' as const;
    return Number(result.value) === 1 ? ('ok' as const) : ('lost' as const);
  }

  // A hash tag keeps the key and its counter in one slot, so the script also runs on a cluster.
  private lockKey(key: string): string {
    return `${this.prefix}{${key}}`;
  }

  private fenceKey(key: string): string {
    return `${this.prefix}{${key}}:fence`;
  }
}
