/** Public surface of the cache: the module, its decorators and the adapters' option types. */

export { CacheHealthIndicator } from './cache.health-indicator.js';
export {
  CACHE_EVICT_METADATA,
  CACHEABLE_METADATA,
  type CacheableOptions,
  type CacheEvictOptions,
  type CacheKeySpec,
  type CacheKeysSpec,
} from './cache.metadata.js';
export { CacheModule, type CacheModuleOptions } from './cache.module.js';
export { CACHE_ADAPTER, type CacheAdapter } from './cache.tokens.js';
export { CACHE_DEFAULTS } from './cache-defaults.js';
export { CacheEvict } from './cache-evict.decorator.js';
export { Cacheable } from './cacheable.decorator.js';
