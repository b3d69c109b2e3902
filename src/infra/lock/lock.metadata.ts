/** What `@WithLock` stores on a method, and the metadata key it uses. */
import type { LockOptions } from '#core';

/** A lock key: a template such as `'invoice:{0}'` (`{0.id}` reads a property), or a function. */
export type LockKeySpec = string | ((...args: never[]) => string);

/** What the explorer reads back: the key spec and the acquire options. */
export interface WithLockMetadata {
  key: LockKeySpec;
  options: LockOptions;
}

/** Metadata key of `@WithLock`. */
export const WITH_LOCK_METADATA = Symbol('keel:with-lock');
