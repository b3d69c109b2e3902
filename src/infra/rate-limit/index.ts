/** Rate limiting: `RateLimitModule`, `@RateLimit`, the stores and the sliding-window counter. */
export {
  MemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
} from './memory-rate-limit.store.js';
export {
  RATE_LIMIT_METADATA,
  RateLimit,
  type RateLimitKey,
  type RateLimitMetadata,
  type RateLimitOptions,
} from './rate-limit.decorator.js';
export { RATE_LIMIT_SETTINGS, RateLimitGuard } from './rate-limit.guard.js';
export { RateLimitModule, type RateLimitModuleOptions } from './rate-limit.module.js';
export {
  RATE_LIMIT_ERROR_CODES,
  RateLimitConfigError,
  type RateLimitErrorCode,
} from './rate-limit-errors.js';
export { DEFAULT_POLICY_NAME, type RateLimitWindow } from './rate-limit-policy.js';
export {
  REDIS_RATE_LIMIT_OPTIONS,
  RedisRateLimitStore,
  type RedisRateLimitStoreOptions,
} from './redis-rate-limit.store.js';
export { hitAt, type WindowRecord } from './sliding-window.js';
