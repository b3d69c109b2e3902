/** Redis lock: `SET NX PX` plus a fence counter in one Lua call; every call bounded by RedisGuard. */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import {
  createToken,
  Inject,
  Injectable,
  type Lease,
  LOGGER,
  type Lock,
  type LockOptions,
  LockTimeoutError,
  LockUnavailableError,
  type Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
  StaleFenceError,
} from '#core';
import { RedisConnections, requireRedisConnections } from '../redis/redis-connections.js';
import { RedisGuard } from '../redis/redis-guard.js';
import { DEFAULT_LOCK_TTL_MS } from './lock-defaults.js';
import { type LeaseBackend, LockLease } from './lock-lease.js';
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

const FIRST_BACKOFF_MS = 5;
const MAX_BACKOFF_MS = 100;

/**
 * Holders and fences in Redis, shared by every process. There is no fallback: when Redis cannot
 * answer, `acquire` rejects at once with `LockUnavailableError` (a lock that pretends is worse
 * than none). Waiting retries with jittered, growing backoff until `waitMs`.
 */
@Injectable()
export class RedisLock implements Lock, OnModuleInit, OnApplicationShutdown {
  private client: Redis | undefined;
  private closed = false;
  private readonly guard: RedisGuard;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly connections: RedisConnections;
  private readonly backend: LeaseBackend = {
    release: (key, token) => this.releaseKey(key, token),
    renew: (key, token, ttlMs) => this.renewKey(key, token, ttlMs),
  };

  constructor(
    @Inject(REDIS_LOCK_OPTIONS) options: RedisLockOptions,
    @Optional() @Inject(RedisConnections) connections: RedisConnections | undefined,
    @Optional() @Inject(LOGGER) logger: Logger = pino({ level: 'warn' }),
  ) {
    this.connections = requireRedisConnections(connections, 'RedisLock');
    this.prefix = options.prefix ?? 'keel:lock:';
    this.timeoutMs = options.timeoutMs ?? 250;
    this.guard = new RedisGuard({
      component: 'lock',
      timeoutMs: this.timeoutMs,
      cooldownMs: options.cooldownMs ?? 2000,
      failureThreshold: options.failureThreshold ?? 3,
      logger,
    });
  }

  /** Connects (bounded by the connect timeout); boot goes on if Redis is down. */
  async onModuleInit(): Promise<void> {
    await this.connections.ready(this.connection());
  }

  /** Stops using Redis: later calls fail as unavailable. `RedisConnections` quits the client. */
  onApplicationShutdown(): void {
    this.closed = true;
    this.client = undefined;
  }

  async acquire(key: string, options: LockOptions = {}): Promise<Lease> {
    const ttlMs = Math.max(1, Math.ceil(options.ttlMs ?? DEFAULT_LOCK_TTL_MS));
    const waitMs = options.waitMs ?? 0;
    const started = performance.now();
    let backoff = FIRST_BACKOFF_MS;
    for (;;) {
      const token = randomUUID();
      const startedAt = performance.now();
      const fence = await this.take(key, token, ttlMs);
      if (fence > 0) {
        const autoExtend = options.autoExtend === true;
        return new LockLease(this.backend, { key, token, fence, ttlMs, startedAt, autoExtend });
      }
      const remaining = waitMs - (performance.now() - started);
      if (remaining <= 0) throw new LockTimeoutError(key, Math.round(performance.now() - started));
      await sleep(Math.min(remaining, backoff * (1 + Math.random())));
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
  }

  async assertFence(key: string, fence: number): Promise<void> {
    const result = await this.run((client) => client.get(this.fenceKey(key)));
    if (!result.ok) throw new LockUnavailableError(key);
    if (Number(result.value ?? 0) > fence) throw new StaleFenceError(key, fence);
  }

  private async take(key: string, token: string, ttlMs: number): Promise<number> {
    const keys = [this.lockKey(key), this.fenceKey(key)];
    const result = await this.run((client) =>
      client.eval(ACQUIRE_SCRIPT, 2, ...keys, token, ttlMs),
    );
    if (!result.ok) throw new LockUnavailableError(key);
    return Number(result.value);
  }

  private async releaseKey(key: string, token: string): Promise<boolean | undefined> {
    const result = await this.run((client) =>
      client.eval(RELEASE_SCRIPT, 1, this.lockKey(key), token),
    );
    return result.ok ? Number(result.value) === 1 : undefined;
  }

  private async renewKey(key: string, token: string, ttlMs: number) {
    const ttl = Math.max(1, Math.ceil(ttlMs));
    const result = await this.run((client) =>
      client.eval(EXTEND_SCRIPT, 1, this.lockKey(key), token, ttl),
    );
    if (!result.ok) return 'unavailable' as const;
    return Number(result.value) === 1 ? ('ok' as const) : ('lost' as const);
  }

  private run<T>(call: (client: Redis) => Promise<T>) {
    if (this.closed) return Promise.resolve({ ok: false as const });
    return this.guard.run(() => call(this.connection()));
  }

  // A hash tag keeps the key and its counter in one slot, so the script also runs on a cluster.
  private lockKey(key: string): string {
    return `${this.prefix}{${key}}`;
  }

  private fenceKey(key: string): string {
    return `${this.prefix}{${key}}:fence`;
  }

  private connection(): Redis {
    this.client ??= this.connections.get('lock', 'command', { commandTimeoutMs: this.timeoutMs });
    return this.client;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
