/** Finds `@Cacheable`/`@CacheEvict` methods at boot and wraps them with this app's cache. */

import type { OnModuleInit } from '#core';
import {
  CACHE,
  type Cache,
  type DiscoveredMethod,
  DiscoveryService,
  Inject,
  Injectable,
} from '#core';
import {
  CACHE_EVICT_METADATA,
  CACHEABLE_METADATA,
  type CacheableOptions,
  type CacheEvictOptions,
} from './cache.metadata.js';
import { type CompiledKeys, compileCacheKey, compileCacheKeys } from './cache-key.js';

type Method = (this: unknown, ...args: unknown[]) => unknown;

// The decorator kinds a wrapper chain already applies, so nothing is wrapped twice.
const WRAPPED = Symbol('keel:cache-wrapped');

type Wrapped = Method & { [WRAPPED]?: ReadonlySet<symbol> };

/**
 * Replaces each decorated method on its instance (an own property shadowing the prototype), so
 * the decorators keep no global state and two apps in one process never share a cache.
 */
@Injectable()
export class CacheDecoratorsExplorer implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(CACHE) private readonly cache: Cache,
  ) {}

  /** Wraps every decorated method of every provider and controller. */
  onModuleInit(): void {
    const evicting = this.discovery.getMethodsWithMetadata<CacheEvictOptions>(CACHE_EVICT_METADATA);
    for (const found of evicting) {
      this.replace(found, CACHE_EVICT_METADATA, (original) => this.evicting(original, found));
    }
    const caching = this.discovery.getMethodsWithMetadata<CacheableOptions>(CACHEABLE_METADATA);
    for (const found of caching) {
      this.replace(found, CACHEABLE_METADATA, (original) => this.caching(original, found));
    }
  }

  // Key templates are compiled here, once per method; a call only fills them in.
  private caching(original: Method, found: DiscoveredMethod<CacheableOptions>): Method {
    const { cache } = this;
    const { ttl } = found.metadata;
    const keyOf = compileCacheKey(found.metadata.key, `${found.metatype.name}.${found.methodName}`);
    const tags = compileCacheKeys(found.metadata.tags);
    // Without per-call tags, every call shares one options object (adapters only read it).
    const fixed = typeof tags === 'function' ? undefined : { ttl, tags };
    return function cached(this: unknown, ...args: unknown[]) {
      const load = async () => original.apply(this, args);
      const options = fixed ?? { ttl, tags: keysOf(tags, args) };
      return cache.wrap(keyOf(args), load, options);
    };
  }

  private evicting(original: Method, found: DiscoveredMethod<CacheEvictOptions>): Method {
    const { cache } = this;
    const keys = compileCacheKeys(found.metadata.keys);
    const tags = compileCacheKeys(found.metadata.tags);
    return async function evicted(this: unknown, ...args: unknown[]) {
      const result = await original.apply(this, args);
      await Promise.all([
        ...keysOf(keys, args).map((key) => cache.delete(key)),
        cache.invalidateTags(keysOf(tags, args)),
      ]);
      return result;
    };
  }

  private replace<M>(
    found: DiscoveredMethod<M>,
    kind: symbol,
    wrap: (original: Method) => Method,
  ): void {
    const { instance, methodName } = found;
    const current = Reflect.get(instance, methodName) as Wrapped | undefined;
    if (typeof current !== 'function' || current[WRAPPED]?.has(kind)) return;
    const wrapper = wrap(current);
    const kinds = new Set([...(current[WRAPPED] ?? []), kind]);
    Object.defineProperty(wrapper, WRAPPED, { value: kinds });
    Object.defineProperty(wrapper, 'name', { value: methodName });
    Object.defineProperty(instance, methodName, {
      value: wrapper,
      configurable: true,
      writable: true,
    });
  }
}

function keysOf(keys: CompiledKeys, args: readonly unknown[]): readonly string[] {
  return typeof keys === 'function' ? keys(args) : keys;
}
