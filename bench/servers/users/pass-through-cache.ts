/** A cache that never holds anything, so `@Cacheable` methods always run (scenario 4). */
import type { Cache } from '#core';

/** Every read misses, every write is dropped, `wrap` always calls the loader. */
export class PassThroughCache implements Cache {
  /** Always a miss. */
  async get<T>(): Promise<T | undefined> {
    return undefined;
  }

  /** Drops the value. */
  async set(): Promise<void> {}

  /** Nothing to delete. */
  async delete(): Promise<void> {}

  /** Runs the loader every time. */
  wrap<T>(_key: string, loader: () => Promise<T>): Promise<T> {
    return loader();
  }

  /** Nothing to invalidate. */
  async invalidateTags(): Promise<void> {}
}
