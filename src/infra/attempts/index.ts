/** Public surface of the attempt limiter: the module and its adapters' option types. */
export { AttemptsModule, type AttemptsModuleOptions } from './attempts.module.js';
export type { MemoryAttemptLimiterOptions } from './memory-attempt-limiter.js';
export type { RedisAttemptLimiterOptions } from './redis-attempt-limiter.js';
