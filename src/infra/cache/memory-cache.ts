/** In-process cache adapter: bounded LRU with per-entry TTL and tags. */

import type { CacheSetOptions, HealthCheckResult } from '#core';
import { CLOCK, type Clock, createToken, Inject, Injectable, Optional, systemClock } from '#core';
import type { CacheAdapter } from './cache.tokens.js';
import { CACHE_DEFAULTS, resolveTtl } from './cache-defaults.js';
import { type CacheValueCodec, cacheJson, cacheValueCodec } from './cache-value.js';
import { SingleFlight } from './single-flight.js';

/** Settings of `MemoryCache`. */
export interface MemoryCacheOptions {
  /** Entries kept before the least recently used is evicted. Default 10000. */
  maxEntries?: number;
  /** TTL in ms when a write gives none. Default 300000. */
  defaultTtlMs?: number;
  /** Every read gets its own mutable copy instead of the shared frozen value. Default false. */
  clone?: boolean;
  /** Time source for expiry (tests). Default: the system clock. */
  clock?: Clock;
}

/** Options of `MemoryCache` when the container builds it. */
export const MEMORY_CACHE_OPTIONS = createToken<MemoryCacheOptions>('MemoryCacheOptions');

interface Entry {
  /** What the codec keeps: the frozen value, or its JSON with `clone`. */
  kept: unknown;
  expiresAt: number;
  tags: readonly string[];
}

/**
 * Values go through JSON at write, like in Redis, so both adapters return equal values (a `Date`
 * comes back as a string). A read returns the one deeply frozen value kept at write (no parse, no
 * copy), or with `clone` a fresh parse of its JSON.
 */
@Injectable()
export class MemoryCache implements CacheAdapter {
  readonly driver = 'memory';
  private readonly entries = new Map<string, Entry>();
  private readonly tagIndex = new Map<string, Set<string>>();
  private readonly flights = new SingleFlight({
    get: (key) => this.get(key),
    store: async (key, value, options) => this.write(key, value, options),
  });
  private readonly maxEntries: number;
  private readonly defaultTtlMs: number;
  private readonly codec: CacheValueCodec;
  private readonly now: () => number;
  // The key at the end of the LRU order, which a read need not move there again.
  private newest: string | undefined;

  constructor(
    @Optional() @Inject(MEMORY_CACHE_OPTIONS) options: MemoryCacheOptions = {},
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    this.maxEntries = Math.max(1, options.maxEntries ?? CACHE_DEFAULTS.maxEntries);
    this.defaultTtlMs = options.defaultTtlMs ?? CACHE_DEFAULTS.defaultTtlMs;
    this.codec = cacheValueCodec(options.clone);
    const time = options.clock ?? clock ?? systemClock;
    // The system clock's Date would be an allocation per read for nothing.
    this.now = time === systemClock ? Date.now : () => time.now().getTime();
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.read(key) as T | undefined;
  }

  async set<T>(key: string, value: T, options?: CacheSetOptions): Promise<void> {
    this.write(key, value, options);
  }

  async delete(key: string): Promise<void> {
    this.remove(key);
  }

  wrap<T>(key: string, loader: () => Promise<T>, options?: CacheSetOptions): Promise<T> {
    // A hit is answered here: a miss, and only a miss, needs the single flight.
    const hit = this.read(key);
    return hit === undefined ? this.flights.wrap(key, loader, options) : Promise.resolve(hit as T);
  }

  async invalidateTags(tags: readonly string[]): Promise<void> {
    for (const tag of tags) {
      for (const key of [...(this.tagIndex.get(tag) ?? [])]) this.remove(key);
      this.tagIndex.delete(tag);
    }
  }

  /** Always `ok`: the memory cache has no backend to lose. */
  async health(): Promise<HealthCheckResult> {
    return {
      status: 'ok',
      details: { driver: this.driver, entries: this.entries.size, maxEntries: this.maxEntries },
    };
  }

  private read(key: string): unknown {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    if (key !== this.newest) {
      // Re-inserting moves the key to the end of the Map's order: the most recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.newest = key;
    }
    return this.codec.handOut(entry.kept);
  }

  /** Stores `value` and returns what a read of `key` now returns (`value` itself if not stored). */
  private write<T>(key: string, value: T, options?: CacheSetOptions): T {
    const json = cacheJson(value);
    this.remove(key);
    if (json === undefined) return value;
    const kept = this.codec.keep(json);
    const tags = [...new Set(options?.tags ?? [])];
    const expiresAt = this.now() + resolveTtl(options?.ttl, this.defaultTtlMs);
    this.entries.set(key, { kept, expiresAt, tags });
    this.newest = key;
    for (const tag of tags) this.tagged(tag).add(key);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    return this.codec.handOut(kept) as T;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (key === this.newest) this.newest = undefined;
    for (const tag of entry.tags) {
      const keys = this.tagIndex.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.tagIndex.delete(tag);
    }
  }

  private tagged(tag: string): Set<string> {
    let keys = this.tagIndex.get(tag);
    if (!keys) {
      keys = new Set();
      this.tagIndex.set(tag, keys);
    }
    return keys;
  }
}
