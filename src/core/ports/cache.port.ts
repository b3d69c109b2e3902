/** The cache port: what services inject as `@Inject(CACHE) cache: Cache`. */
import type { InjectionToken } from '../di/injection-token.js';

/** Options for writes. `ttl` is in milliseconds; omitted means the adapter's default. */
export interface CacheSetOptions {
  ttl?: number;
  /** Tags the entry joins, for `invalidateTags`. */
  tags?: readonly string[];
}

/**
 * A key-value cache of JSON-serialisable values. Failures degrade to misses, never throw.
 *
 * Values are read-only: `set` stores the value's JSON (the caller's object is not kept), and what
 * `get` and `wrap` return is deeply frozen and may be the very object other callers get, so
 * changing it throws a TypeError. Copy what you change (`structuredClone(value)`; a spread copies
 * only the top level), or build the cache with `clone: true` to get a mutable copy on every read.
 */
export interface Cache {
  /** The (frozen) value, or `undefined` on a miss (or when the backend is unavailable). */
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: CacheSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * The cached value, or on a miss what `loader` resolves to, stored and returned as a hit would
   * return it (JSON, frozen); `loader` runs once per process for concurrent misses of a key.
   */
  wrap<T>(key: string, loader: () => Promise<T>, options?: CacheSetOptions): Promise<T>;
  /** Deletes every entry tagged with any of `tags`. */
  invalidateTags(tags: readonly string[]): Promise<void>;
}

/** Injection token of the cache port. */
export const CACHE: InjectionToken<Cache> = Symbol('Cache');
