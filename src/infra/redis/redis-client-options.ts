/** Settings of one ioredis client; each role has deliberate defaults (see `createRedisClient`). */
import type { Logger } from '#core';

/**
 * What a connection is for. `cache` and `publisher` fail fast while Redis is away (no offline
 * queue); `subscriber` queues its SUBSCRIBEs; `command` is a general client for other features.
 */
export type RedisRole = 'cache' | 'publisher' | 'subscriber' | 'command';

/** Timeouts and reconnection tuning shared by every role (all in milliseconds). */
export interface RedisClientTuning {
  /** How long one connection attempt may take. Default 2000. */
  connectTimeoutMs?: number;
  /** How long one command may wait for its reply. Default per role: cache 500, others 2000. */
  commandTimeoutMs?: number;
  /** Initial delay of TCP keep-alive probes. Default 10000. */
  keepAliveMs?: number;
  /** Upper bound of the reconnection back-off; reconnection never gives up. Default 2000. */
  maxRetryDelayMs?: number;
  /** How long `quit` may take on shutdown before the socket is cut. Default 1000. */
  quitTimeoutMs?: number;
}

/** Everything `createRedisClient` needs. */
export interface RedisClientOptions extends RedisClientTuning {
  /** `redis://[user:pass@]host:port[/db]` or `rediss://...`. */
  url: string;
  role: RedisRole;
  /** Suffix of the connection name shown by `CLIENT LIST` (`keel:<role>:<name>`). */
  name?: string;
  /** Connection errors are logged at debug level: outages are reported once by `RedisGuard`. */
  logger?: Logger;
}

/** Defaults applied by `createRedisClient` and `closeRedisClient`. */
export const REDIS_CLIENT_DEFAULTS = {
  connectTimeoutMs: 2_000,
  keepAliveMs: 10_000,
  maxRetryDelayMs: 2_000,
  quitTimeoutMs: 1_000,
  commandTimeoutMs: { cache: 500, publisher: 2_000, subscriber: 2_000, command: 2_000 },
} as const;
