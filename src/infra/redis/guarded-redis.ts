/** One guarded command connection for a Redis adapter: lazy client, RedisGuard, shutdown state. */
import type { Redis } from 'ioredis';
import type { Logger } from '#core';
import { type RedisConnections, requireRedisConnections } from './redis-connections.js';
import { type GuardResult, RedisGuard } from './redis-guard.js';

/** Who uses the connection and how its calls are bounded (milliseconds). */
export interface GuardedRedisOptions {
  /** The adapter class, named when `RedisModule` is missing. */
  consumer: string;
  /** The connection's name and the guard's log component (`lock`, `rate-limit`...). */
  component: string;
  timeoutMs: number;
  cooldownMs: number;
  failureThreshold: number;
  logger: Logger;
}

/**
 * What the Redis adapters without a fallback share: every call goes through `RedisGuard`
 * (timeout + breaker) and resolves `{ ok: false }` instead of throwing or hanging, also after
 * shutdown; the adapter turns that into its own "unavailable" answer.
 */
export class GuardedRedis {
  private client: Redis | undefined;
  private closed = false;
  private readonly guard: RedisGuard;
  private readonly connections: RedisConnections;

  constructor(
    connections: RedisConnections | undefined,
    private readonly options: GuardedRedisOptions,
  ) {
    this.connections = requireRedisConnections(connections, options.consumer);
    this.guard = new RedisGuard({ ...options });
  }

  /** Connects (bounded by the connect timeout); boot goes on if Redis is down. */
  async ready(): Promise<void> {
    await this.connections.ready(this.connection());
  }

  /** Stops using Redis: later calls resolve `{ ok: false }`. `RedisConnections` quits the client. */
  close(): void {
    this.closed = true;
    this.client = undefined;
  }

  /** Runs `call` on the connection unless closed or the breaker is open. */
  run<T>(call: (client: Redis) => Promise<T>): Promise<GuardResult<T>> {
    if (this.closed) return Promise.resolve({ ok: false });
    return this.guard.run(() => call(this.connection()));
  }

  /** Why the last failing call failed (for the adapter's error). */
  reason(): string | undefined {
    return this.closed ? 'the connection is shut down' : this.guard.status().reason;
  }

  private connection(): Redis {
    this.client ??= this.connections.get(this.options.component, 'command', {
      commandTimeoutMs: this.options.timeoutMs,
    });
    return this.client;
  }
}
