/** Public surface of the Redis infrastructure: connections, their settings and the guard. */
export { closeRedisClient } from './close-redis-client.js';
export { connectRedisClient } from './connect-redis-client.js';
export { createRedisClient } from './create-redis-client.js';
export { RedisModule } from './redis.module.js';
export { REDIS_MODULE_OPTIONS, type RedisModuleOptions } from './redis.tokens.js';
export {
  REDIS_CLIENT_DEFAULTS,
  type RedisClientOptions,
  type RedisClientTuning,
  type RedisRole,
} from './redis-client-options.js';
export { RedisConnections } from './redis-connections.js';
export {
  type GuardResult,
  type GuardStatus,
  RedisGuard,
  type RedisGuardOptions,
} from './redis-guard.js';
export { settleWithin } from './settle-within.js';
