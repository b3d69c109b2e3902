/** Collapses concurrent loads of the same key into one, per process. */
import type { CacheSetOptions } from '#core';

/** What `SingleFlight` needs of its adapter. */
export interface FlightBackend {
  get<T>(key: string): Promise<T | undefined>;
  /** Stores `value` (never `undefined`) and resolves to what a hit on `key` would return. */
  store<T>(key: string, value: T, options?: CacheSetOptions): Promise<T>;
}

/** In-flight loads by key for one cache; an entry lives only while its load runs. */
export class SingleFlight {
  private readonly calls = new Map<string, Promise<unknown>>();

  constructor(private readonly backend: FlightBackend) {}

  /**
   * `Cache.wrap`: a hit is returned; a miss runs `loader` once for all concurrent callers, stores
   * its result unless it is `undefined`, and gives every caller what a later hit would return (the
   * same read-only value), so a miss and a hit behave alike. A failing loader fails every caller.
   */
  wrap<T>(key: string, loader: () => Promise<T>, options?: CacheSetOptions): Promise<T> {
    return this.run(key, async () => {
      const hit = await this.backend.get<T>(key);
      if (hit !== undefined) return hit;
      const value = await loader();
      return value === undefined ? value : this.backend.store(key, value, options);
    });
  }

  private run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const running = this.calls.get(key);
    if (running) return running as Promise<T>;
    // Deferred so that a synchronous throw in `fn` still clears the entry.
    const call = Promise.resolve()
      .then(fn)
      .finally(() => {
        if (this.calls.get(key) === call) this.calls.delete(key);
      });
    this.calls.set(key, call);
    return call;
  }
}
