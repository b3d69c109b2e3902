/** What `@Cacheable` and `@CacheEvict` store on a method, and the metadata keys they use. */

/** A key: a template such as `'user:{0}'` (`{0.id}` reads a property), or a function of the args. */
export type CacheKeySpec = string | ((...args: never[]) => string);

/** Several keys or tags: templates, or a function of the method's arguments. */
export type CacheKeysSpec = readonly string[] | ((...args: never[]) => readonly string[]);

/** Options of `@Cacheable`. */
export interface CacheableOptions {
  /** Default: `<Class>.<method>:<JSON of the arguments>`. */
  key?: CacheKeySpec;
  /** Milliseconds; default: the cache's default TTL. */
  ttl?: number;
  /** Tags the cached result joins (for `@CacheEvict({ tags })` and `invalidateTags`). */
  tags?: CacheKeysSpec;
}

/** Options of `@CacheEvict`: what to remove after the method succeeds. */
export interface CacheEvictOptions {
  keys?: CacheKeysSpec;
  tags?: CacheKeysSpec;
}

/** Metadata key of `@Cacheable`. */
export const CACHEABLE_METADATA = Symbol('keel:cacheable');

/** Metadata key of `@CacheEvict`. */
export const CACHE_EVICT_METADATA = Symbol('keel:cache-evict');
