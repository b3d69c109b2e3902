/** `@CacheEvict({ keys, tags })`: removes entries after a method succeeds. */
import 'reflect-metadata';
import { CACHE_EVICT_METADATA, type CacheEvictOptions } from './cache.metadata.js';

/**
 * Marks a method after whose success `keys` are deleted and `tags` invalidated (nothing is
 * evicted when it throws). It only stores metadata: `CacheModule` wraps the method at boot.
 */
export function CacheEvict(options: CacheEvictOptions): MethodDecorator {
  return (target, propertyKey) => {
    Reflect.defineMetadata(CACHE_EVICT_METADATA, options, target, propertyKey);
  };
}
