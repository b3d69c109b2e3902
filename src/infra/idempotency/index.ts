/** Idempotency keys (draft-ietf-httpapi-idempotency-key-header): stores, decorator, module. */

export {
  IdempotencyInProgressError,
  IdempotencyKeyInvalidError,
  IdempotencyKeyRequiredError,
  IdempotencyKeyReusedError,
  IdempotencyStoreDownError,
} from './idempotency.errors.js';
export { IdempotencyInterceptor } from './idempotency.interceptor.js';
export { idempotencyMessages } from './idempotency.messages.js';
export { IdempotencyModule, type IdempotencyModuleOptions } from './idempotency.module.js';
export { Idempotent, type IdempotentOptions } from './idempotent.decorator.js';
export {
  MemoryIdempotencyStore,
  type MemoryIdempotencyStoreOptions,
} from './memory-idempotency-store.js';
export {
  REDIS_IDEMPOTENCY_OPTIONS,
  RedisIdempotencyStore,
  type RedisIdempotencyStoreOptions,
} from './redis-idempotency-store.js';
