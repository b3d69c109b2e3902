/** `RedisModule.forRoot({ url })`: the one global `RedisConnections` every Redis adapter uses. */

import type { DynamicModule } from '#core';
import { Module } from '#core';
import { redisWithoutUrl } from '../infra-errors.js';
import { REDIS_MODULE_OPTIONS, type RedisModuleOptions } from './redis.tokens.js';
import { RedisConnections } from './redis-connections.js';

/**
 * Provides `RedisConnections` to every module; its clients close on shutdown. Import it once:
 * the Redis drivers of `CacheModule` and `BusModule` take their connections from it.
 */
@Module({})
export class RedisModule {
  /** Configures the connections; `url` is required (`redis://host:port`). */
  static forRoot(options: RedisModuleOptions): DynamicModule {
    if (!options.url) {
      throw redisWithoutUrl();
    }
    return {
      module: RedisModule,
      global: true,
      providers: [{ provide: REDIS_MODULE_OPTIONS, useValue: options }, RedisConnections],
      exports: [RedisConnections],
    };
  }
}
