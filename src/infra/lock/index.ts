/** Public surface of the lock: the module, the helpers and decorator, and the adapters' options. */
export { type FencedUpdate, fencedUpdate } from './fenced-update.js';
export type { LockKeySpec } from './lock.metadata.js';
export { LockModule, type LockModuleOptions } from './lock.module.js';
export type { PostgresLockOptions } from './postgres-lock.js';
export type { RedisLockOptions } from './redis-lock.js';
export { WithLock } from './with-lock.decorator.js';
export { currentLease, withLock } from './with-lock.js';
