/** The app's Redis clients: created on first use by role and name, all closed at shutdown. */
import type { Redis } from 'ioredis';
import type { OnApplicationShutdown } from '#core';
import { Inject, Injectable, LOGGER, type Logger, Optional } from '#core';
import { redisClosed, redisNotRegistered } from '../infra-errors.js';
import { closeRedisClient } from './close-redis-client.js';
import { connectRedisClient } from './connect-redis-client.js';
import { createRedisClient } from './create-redis-client.js';
import { REDIS_MODULE_OPTIONS, type RedisModuleOptions } from './redis.tokens.js';
import type { RedisClientTuning, RedisRole } from './redis-client-options.js';

interface Connection {
  client: Redis;
  quitTimeoutMs: number | undefined;
}

/**
 * The only owner of ioredis connections: the cache, the bus and other features ask it for a
 * client and never close one themselves. Shutdown hooks run in reverse dependency order, so
 * every consumer (which injects this class) has stopped using its clients before they quit.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly connections = new Map<string, Connection>();
  private closed = false;

  constructor(
    @Inject(REDIS_MODULE_OPTIONS) private readonly options: RedisModuleOptions,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {}

  /**
   * The client of `role` called `name` (`keel:<role>:<name>` in CLIENT LIST), created on first
   * use with the role's settings, the module's tuning and then `tuning`, and set connecting in
   * the background. Later calls return the same client, whatever `tuning` they pass.
   */
  get(name = 'default', role: RedisRole = 'command', tuning: RedisClientTuning = {}): Redis {
    if (this.closed) throw redisClosed(name);
    const key = `${role}:${name}`;
    const existing = this.connections.get(key);
    if (existing) return existing.client;
    const settings = { ...this.options, ...tuning, role, name, logger: this.logger };
    const client = createRedisClient(settings);
    this.connections.set(key, { client, quitTimeoutMs: settings.quitTimeoutMs });
    void connectRedisClient(client, settings.connectTimeoutMs);
    return client;
  }

  /** Waits (at most the connect timeout) for `client` to be ready; false if it is not yet. */
  ready(client: Redis): Promise<boolean> {
    return connectRedisClient(client, this.options.connectTimeoutMs);
  }

  /** Quits every client (each bounded by its quit timeout), in parallel. */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const connections = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(
      connections.map(({ client, quitTimeoutMs }) => closeRedisClient(client, quitTimeoutMs)),
    );
  }
}

/**
 * `connections`, or a boot error saying how to register them: the Redis adapters are only
 * wired by `CacheModule`/`BusModule` when `RedisModule.forRoot` is among the app's imports.
 */
export function requireRedisConnections(
  connections: RedisConnections | undefined,
  consumer: string,
): RedisConnections {
  if (connections) return connections;
  throw redisNotRegistered(consumer);
}
