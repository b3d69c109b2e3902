/** The cache port: what services inject as `@Inject(CACHE) cache: Cache`. */
import type { InjectionToken } from '../di/injection-token.js';

/** Options for writes. `ttl` is in milliseconds; omitted means the adapter's default. */
export interface CacheSetOptions {
  ttl?: number;
  /** Tags the entry joins, for `invalidateTags`. */
  tags?: readonly string[];
}

/** A key-value cache of JSON-serialisable values. Failures degrade to misses, never throw. */
export interface Cache {
  /** The value, or `undefined` on a miss (or when the backend is unavailable). */
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, options?: CacheSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /** Returns the cached value or runs `loader` once per process for concurrent misses. */
  wrap<T>(key: string, loader: () => Promise<T>, options?: CacheSetOptions): Promise<T>;
  /** Deletes every entry tagged with any of `tags`. */
  invalidateTags(tags: readonly string[]): Promise<void>;
}

/** Injection token of the cache port. */
export const CACHE: InjectionToken<Cache> = Symbol('Cache');
