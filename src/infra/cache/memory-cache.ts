/** In-process cache adapter: bounded LRU with per-entry TTL and tags. */

import type { CacheSetOptions, HealthCheckResult } from '#core';
import { CLOCK, type Clock, createToken, Inject, Injectable, Optional, systemClock } from '#core';
import type { CacheAdapter } from './cache.tokens.js';
import { CACHE_DEFAULTS, resolveTtl } from './cache-defaults.js';
import { SingleFlight } from './single-flight.js';

/** Settings of `MemoryCache`. */
export interface MemoryCacheOptions {
  /** Entries kept before the least recently used is evicted. Default 10000. */
  maxEntries?: number;
  /** TTL in ms when a write gives none. Default 300000. */
  defaultTtlMs?: number;
  /** Time source for expiry (tests). Default: the system clock. */
  clock?: Clock;
}

/** Options of `MemoryCache` when the container builds it. */
export const MEMORY_CACHE_OPTIONS = createToken<MemoryCacheOptions>('MemoryCacheOptions');

interface Entry {
  json: string;
  expiresAt: number;
  tags: readonly string[];
}

/**
 * Values are stored as JSON, like in Redis, so both adapters return equal copies (a `Date`
 * comes back as a string) and callers cannot mutate what is cached.
 */
@Injectable()
export class MemoryCache implements CacheAdapter {
  readonly driver = 'memory';
  private readonly entries = new Map<string, Entry>();
  private readonly tagIndex = new Map<string, Set<string>>();
  private readonly flights = new SingleFlight(this);
  private readonly maxEntries: number;
  private readonly defaultTtlMs: number;
  private readonly clock: Clock;

  constructor(
    @Optional() @Inject(MEMORY_CACHE_OPTIONS) options: MemoryCacheOptions = {},
    @Optional() @Inject(CLOCK) clock?: Clock,
  ) {
    this.maxEntries = Math.max(1, options.maxEntries ?? CACHE_DEFAULTS.maxEntries);
    this.defaultTtlMs = options.defaultTtlMs ?? CACHE_DEFAULTS.defaultTtlMs;
    this.clock = options.clock ?? clock ?? systemClock;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    // Re-inserting moves the key to the end of the Map's order: the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return JSON.parse(entry.json) as T;
  }

  async set<T>(key: string, value: T, options?: CacheSetOptions): Promise<void> {
    const json = value === undefined ? undefined : JSON.stringify(value);
    this.remove(key);
    if (json === undefined) return;
    const tags = [...new Set(options?.tags ?? [])];
    const expiresAt = this.now() + resolveTtl(options?.ttl, this.defaultTtlMs);
    this.entries.set(key, { json, expiresAt, tags });
    for (const tag of tags) this.tagged(tag).add(key);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.remove(key);
  }

  wrap<T>(key: string, loader: () => Promise<T>, options?: CacheSetOptions): Promise<T> {
    return this.flights.wrap(key, loader, options);
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

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
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

  private now(): number {
    return this.clock.now().getTime();
  }
}
