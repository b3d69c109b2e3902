/** `@Cacheable({ key, ttl, tags })`: caches what an async method resolves to. */
import 'reflect-metadata';
import { CACHEABLE_METADATA, type CacheableOptions } from './cache.metadata.js';

/**
 * Marks an async method whose result is cached (`undefined` results are not). It only stores
 * metadata: `CacheModule` wraps the method on each instance with that app's cache at boot.
 */
export function Cacheable(options: CacheableOptions = {}): MethodDecorator {
  return (target, propertyKey) => {
    Reflect.defineMetadata(CACHEABLE_METADATA, options, target, propertyKey);
  };
}
