/** The behaviour every `Cache` adapter must have; each adapter's test file runs it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cache } from '../../src/core/ports/cache.port.js';

/** A cache under test and how to dispose of it (and of the keys it wrote). */
export interface CacheUnderTest {
  cache: Cache;
  close(): Promise<void>;
}

/** Builds a fresh, empty cache; caches built with different namespaces must not see each other. */
export type MakeCache = (namespace: string) => Promise<CacheUnderTest>;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Defines the whole cache contract suite for `name`. */
export function runCacheContract(name: string, makeCache: MakeCache): void {
  describe(`Cache contract: ${name}`, () => {
    const opened: CacheUnderTest[] = [];
    let counter = 0;
    let cache: Cache;

    const open = async () => {
      const made = await makeCache(`ns${++counter}`);
      opened.push(made);
      return made.cache;
    };

    beforeEach(async () => {
      cache = await open();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((made) => made.close()));
    });

    describe('get / set / delete', () => {
      it('misses with undefined for a key never set', async () => {
        expect(await cache.get('nothing-here')).toBeUndefined();
      });

      it('returns equal JSON values for objects, arrays, strings, numbers, booleans and null', async () => {
        const values = [
          { id: 1, tags: ['a'], nested: { ok: true } },
          [1, 'two'],
          'text',
          42,
          false,
          null,
        ];
        for (const [index, value] of values.entries()) await cache.set(`value:${index}`, value);
        for (const [index, value] of values.entries()) {
          expect(await cache.get(`value:${index}`)).toEqual(value);
        }
      });

      it('returns a copy: mutating what get returned does not change the cached value', async () => {
        await cache.set('user:1', { name: 'Ada' });
        const first = await cache.get<{ name: string }>('user:1');
        first!.name = 'changed';
        expect(await cache.get('user:1')).toEqual({ name: 'Ada' });
      });

      it('overwrites an existing value', async () => {
        await cache.set('k', 1);
        await cache.set('k', 2);
        expect(await cache.get('k')).toBe(2);
      });

      it('deletes a key, and deleting a missing key is harmless', async () => {
        await cache.set('k', 'v');
        await cache.delete('k');
        await cache.delete('never-set');
        expect(await cache.get('k')).toBeUndefined();
      });

      it('keeps keys with colons, spaces and non-ASCII characters apart', async () => {
        await cache.set('a:b c', 1);
        await cache.set('a:b', 2);
        await cache.set('ключ:ü', 3);
        expect([
          await cache.get('a:b c'),
          await cache.get('a:b'),
          await cache.get('ключ:ü'),
        ]).toEqual([1, 2, 3]);
      });

      it('treats setting undefined as removing the key', async () => {
        await cache.set('k', 'old');
        await cache.set('k', undefined);
        expect(await cache.get('k')).toBeUndefined();
      });
    });

    describe('TTL', () => {
      it('expires an entry after its ttl while a longer-lived entry stays', async () => {
        await cache.set('short', 'v', { ttl: 200 });
        await cache.set('long', 'v', { ttl: 60_000 });
        expect(await cache.get('short')).toBe('v');
        const expired = async () => (await cache.get('short')) === undefined;
        await vi.waitUntil(expired, { timeout: 5_000, interval: 20 });
        expect(await cache.get('long')).toBe('v');
      });
    });

    describe('wrap', () => {
      it('runs the loader on a miss, caches its value and serves later calls from the cache', async () => {
        let calls = 0;
        const loader = async () => ({ n: ++calls });
        expect(await cache.wrap('w', loader)).toEqual({ n: 1 });
        expect(await cache.wrap('w', loader)).toEqual({ n: 1 });
        expect(await cache.get('w')).toEqual({ n: 1 });
        expect(calls).toBe(1);
      });

      it('runs the loader once for concurrent misses of one key (single flight)', async () => {
        const gate = deferred<void>();
        let calls = 0;
        const loader = async () => {
          calls++;
          await gate.promise;
          return 'loaded';
        };
        const results = Array.from({ length: 10 }, () => cache.wrap('hot', loader));
        gate.resolve();
        expect(await Promise.all(results)).toEqual(Array(10).fill('loaded'));
        expect(calls).toBe(1);
      });

      it('runs loaders of different keys independently', async () => {
        const keys = ['a', 'b', 'c'];
        const values = await Promise.all(
          keys.map((key) => cache.wrap(key, async () => key.toUpperCase())),
        );
        expect(values).toEqual(['A', 'B', 'C']);
      });

      it('fails every concurrent caller when the loader fails, caches nothing, and retries next time', async () => {
        const gate = deferred<void>();
        const failing = async () => {
          await gate.promise;
          throw new Error('database down');
        };
        const calls = [cache.wrap('k', failing), cache.wrap('k', failing)];
        gate.resolve();
        for (const call of calls) await expect(call).rejects.toThrow('database down');
        expect(await cache.get('k')).toBeUndefined();
        expect(await cache.wrap('k', async () => 'recovered')).toBe('recovered');
      });

      it('does not cache undefined results: the loader runs again', async () => {
        let calls = 0;
        const loader = async () => {
          calls++;
          return undefined;
        };
        expect(await cache.wrap('none', loader)).toBeUndefined();
        expect(await cache.wrap('none', loader)).toBeUndefined();
        expect(calls).toBe(2);
      });

      it('caches null results', async () => {
        let calls = 0;
        const loader = async () => {
          calls++;
          return null;
        };
        await cache.wrap('null', loader);
        expect(await cache.wrap('null', loader)).toBeNull();
        expect(calls).toBe(1);
      });

      it('applies the ttl given to wrap', async () => {
        await cache.wrap('brief', async () => 'v', { ttl: 200 });
        const expired = async () => (await cache.get('brief')) === undefined;
        await vi.waitUntil(expired, { timeout: 5_000, interval: 20 });
      });
    });

    describe('tags', () => {
      it('invalidates every entry carrying any of the tags and nothing else', async () => {
        await cache.set('a', 1, { tags: ['users'] });
        await cache.set('b', 2, { tags: ['users', 'user:2'] });
        await cache.set('c', 3, { tags: ['user:2'] });
        await cache.set('d', 4, { tags: ['posts'] });
        await cache.set('e', 5);
        await cache.invalidateTags(['users']);
        const after = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((key) => cache.get(key)));
        expect(after).toEqual([undefined, undefined, 3, 4, 5]);
        await cache.invalidateTags(['user:2', 'posts']);
        expect(await cache.get('c')).toBeUndefined();
        expect(await cache.get('d')).toBeUndefined();
      });

      it('invalidates entries written through wrap with tags', async () => {
        await cache.wrap('list', async () => ['x'], { tags: ['lists'] });
        await cache.invalidateTags(['lists']);
        expect(await cache.get('list')).toBeUndefined();
      });

      it('accepts unknown and empty tag lists', async () => {
        await cache.set('k', 1, { tags: ['t'] });
        await cache.invalidateTags([]);
        await cache.invalidateTags(['unknown']);
        expect(await cache.get('k')).toBe(1);
      });

      it('lets a key written again after invalidation be cached and tagged anew', async () => {
        await cache.set('k', 1, { tags: ['t'] });
        await cache.invalidateTags(['t']);
        await cache.set('k', 2, { tags: ['t'] });
        expect(await cache.get('k')).toBe(2);
        await cache.invalidateTags(['t']);
        expect(await cache.get('k')).toBeUndefined();
      });
    });

    describe('isolation', () => {
      it('keeps caches of different namespaces apart, including their tags', async () => {
        const other = await open();
        await cache.set('shared', 'mine', { tags: ['t'] });
        await other.set('shared', 'theirs', { tags: ['t'] });
        expect(await cache.get('shared')).toBe('mine');
        await other.invalidateTags(['t']);
        expect(await other.get('shared')).toBeUndefined();
        expect(await cache.get('shared')).toBe('mine');
        await other.delete('shared');
        expect(await cache.get('shared')).toBe('mine');
      });
    });
  });
}
