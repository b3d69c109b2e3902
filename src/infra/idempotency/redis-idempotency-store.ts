/** Redis idempotency store: one hash per key, one atomic Lua call per operation, never a fallback. */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import {
  createToken,
  type IdempotencyClaim,
  type IdempotencyStore,
  IdempotencyUnavailableError,
  Inject,
  Injectable,
  LOGGER,
  type Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
  type StoredResponse,
} from '#core';
import { GuardedRedis } from '../redis/guarded-redis.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { CLAIM_SCRIPT, COMPLETE_SCRIPT, RELEASE_SCRIPT } from './idempotency-scripts.js';

/** Settings of `RedisIdempotencyStore` (milliseconds); the server is `RedisModule`'s. */
export interface RedisIdempotencyStoreOptions {
  /** Namespace of every key. Default `keel:idem:`. */
  prefix?: string;
  /** A call that takes longer rejects (the request answers 503). Default 250. */
  timeoutMs?: number;
  /** How long Redis is skipped once the breaker opens. Default 5000. */
  cooldownMs?: number;
  /** Consecutive failures that open the breaker. Default 3. */
  failureThreshold?: number;
}

/** Options of `RedisIdempotencyStore` when the container builds it. */
export const REDIS_IDEMPOTENCY_OPTIONS =
  createToken<RedisIdempotencyStoreOptions>('RedisIdempotencyOptions');

type ClaimReply = [string, string?, string?, string?];

/**
 * Records in Redis, so every worker sees the same claims. Each call is bounded by `RedisGuard`
 * (timeout + breaker). There is no in-memory fallback: a claim another worker cannot see would
 * let a request run twice, so when Redis cannot answer every call rejects, fast, with
 * `IdempotencyUnavailableError`.
 */
@Injectable()
export class RedisIdempotencyStore
  implements IdempotencyStore, OnModuleInit, OnApplicationShutdown
{
  private readonly redis: GuardedRedis;
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_IDEMPOTENCY_OPTIONS) options: RedisIdempotencyStoreOptions,
    @Optional() @Inject(RedisConnections) connections: RedisConnections | undefined,
    @Optional() @Inject(LOGGER) logger: Logger = pino({ level: 'warn' }),
  ) {
    this.prefix = options.prefix ?? 'keel:idem:';
    this.redis = new GuardedRedis(connections, {
      consumer: 'RedisIdempotencyStore',
      component: 'idempotency',
      timeoutMs: options.timeoutMs ?? 250,
      cooldownMs: options.cooldownMs ?? 5000,
      failureThreshold: options.failureThreshold ?? 3,
      logger,
    });
  }

  /** Connects (bounded by the connect timeout); boot goes on if Redis is down (keyed requests 503). */
  onModuleInit(): Promise<void> {
    return this.redis.ready();
  }

  async claim(key: string, fingerprint: string, lockMs: number): Promise<IdempotencyClaim> {
    const reply = (await this.eval(CLAIM_SCRIPT, key, [
      fingerprint,
      Math.max(1, Math.ceil(lockMs)),
      randomUUID(),
    ])) as ClaimReply;
    const [state, a = '', b = '{}', c = ''] = reply;
    if (state === 'acquired') return { state, token: a };
    if (state === 'completed') {
      const headers = JSON.parse(b) as Record<string, string>;
      return { state, response: { statusCode: Number(a), headers, body: c } };
    }
    return { state: state === 'mismatch' ? 'mismatch' : 'in-progress' };
  }

  async complete(
    key: string,
    token: string,
    response: StoredResponse,
    retentionMs: number,
  ): Promise<void> {
    await this.eval(COMPLETE_SCRIPT, key, [
      token,
      response.statusCode,
      JSON.stringify(response.headers),
      response.body,
      Math.max(1, Math.ceil(retentionMs)),
    ]);
  }

  async release(key: string, token: string): Promise<void> {
    await this.eval(RELEASE_SCRIPT, key, [token]);
  }

  /** Stops using Redis (calls reject). `RedisConnections` quits the client after. */
  onApplicationShutdown(): void {
    this.redis.close();
  }

  private async eval(script: string, key: string, args: Array<string | number>): Promise<unknown> {
    const result = await this.redis.run((client) =>
      client.eval(script, 1, `${this.prefix}${key}`, ...args),
    );
    if (!result.ok) throw new IdempotencyUnavailableError(this.redis.reason());
    return result.value;
  }
}
