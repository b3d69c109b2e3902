/** `@WithLock('invoice:{0}', { ttlMs, waitMs, autoExtend })`: one caller at a time per key. */
import 'reflect-metadata';
import type { LockOptions } from '#core';
import { type LockKeySpec, WITH_LOCK_METADATA } from './lock.metadata.js';

/**
 * Marks an async method that runs only while holding the lock of `key` (filled in from its
 * arguments). It only stores metadata: `LockModule` wraps the method with `withLock` at boot.
 * Inside, `currentLease()` gives the lease (its `fence` and `signal`).
 */
export function WithLock(key: LockKeySpec, options: LockOptions = {}): MethodDecorator {
  return (target, propertyKey) => {
    Reflect.defineMetadata(WITH_LOCK_METADATA, { key, options }, target, propertyKey);
  };
}
