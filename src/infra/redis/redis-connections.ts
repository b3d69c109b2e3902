/** Named, lazily created Redis clients shared by features (locks, rate limits), closed at shutdown. */
import type { Redis } from 'ioredis';
import type { OnApplicationShutdown } from '#core';
import { Inject, Injectable, LOGGER, type Logger, Optional } from '#core';
import { closeRedisClient } from './close-redis-client.js';
import { connectRedisClient } from './connect-redis-client.js';
import { createRedisClient } from './create-redis-client.js';
import { REDIS_MODULE_OPTIONS, type RedisModuleOptions } from './redis.tokens.js';
import type { RedisRole } from './redis-client-options.js';

/** Hands out one client per name; every client it created quits on shutdown. */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly clients = new Map<string, Redis>();
  private closed = false;

  constructor(
    @Inject(REDIS_MODULE_OPTIONS) private readonly options: RedisModuleOptions,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {}

  /**
   * The client called `name`, created (and set connecting in the background) on first use with
   * the settings of `role`. A name keeps the role it was first created with.
   */
  get(name = 'default', role: RedisRole = 'command'): Redis {
    if (this.closed) throw new Error('RedisConnections is shut down: no new clients after close');
    const existing = this.clients.get(name);
    if (existing) return existing;
    const client = createRedisClient({ ...this.options, role, name, logger: this.logger });
    this.clients.set(name, client);
    void connectRedisClient(client, this.options.connectTimeoutMs);
    return client;
  }

  /** Quits every client (bounded), in parallel. */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(
      clients.map((client) => closeRedisClient(client, this.options.quitTimeoutMs)),
    );
  }
}
