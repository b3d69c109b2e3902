/** Collapses concurrent loads of the same key into one, per process. */
import type { Cache, CacheSetOptions } from '#core';

/** In-flight loads by key for one cache; an entry lives only while its load runs. */
export class SingleFlight {
  private readonly calls = new Map<string, Promise<unknown>>();

  constructor(private readonly cache: Cache) {}

  /**
   * `Cache.wrap`: a hit is returned; a miss runs `loader` once for all concurrent callers and
   * stores its result unless it is `undefined`. A failing loader fails every waiting caller.
   */
  wrap<T>(key: string, loader: () => Promise<T>, options?: CacheSetOptions): Promise<T> {
    return this.run(key, async () => {
      const hit = await this.cache.get<T>(key);
      if (hit !== undefined) return hit;
      const value = await loader();
      if (value !== undefined) await this.cache.set(key, value, options);
      return value;
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
