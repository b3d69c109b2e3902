/** Injection tokens of the Redis module. */
import { createToken } from '#core';
import type { RedisClientTuning } from './redis-client-options.js';

/** What `RedisModule.forRoot` takes: the server URL plus optional tuning. */
export interface RedisModuleOptions extends RedisClientTuning {
  url: string;
}

/** The options given to `RedisModule.forRoot`. */
export const REDIS_MODULE_OPTIONS = createToken<RedisModuleOptions>('RedisModuleOptions');
