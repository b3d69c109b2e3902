/** The behaviour every `Cache` adapter must have; each adapter's test file runs it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cache } from '../../src/core/ports/cache.port.js';

/** A cache under test and how to dispose of it (and of the keys it wrote). */
export interface CacheUnderTest {
  cache: Cache;
  close(): Promise<void>;
}

/** How the suite builds a cache: `clone` asks for a mutable copy on every read. */
export interface CacheSettings {
  clone?: boolean;
}

/** Builds a fresh, empty cache; caches built with different namespaces must not see each other. */
export type MakeCache = (namespace: string, settings?: CacheSettings) => Promise<CacheUnderTest>;

interface User {
  name: string;
  roles: string[];
  address: { city: string };
}

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

    const open = async (settings?: CacheSettings) => {
      const made = await makeCache(`ns${++counter}`, settings);
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

      it('returns read-only values: what get returns is frozen at every depth and cannot be changed', async () => {
        await cache.set('user:1', { name: 'Ada', roles: ['admin'], address: { city: 'London' } });
        const first = (await cache.get<User>('user:1'))!;
        expect([first, first.roles, first.address].map(Object.isFrozen)).toEqual([
          true,
          true,
          true,
        ]);
        expect(() => {
          first.name = 'changed';
        }).toThrow(TypeError);
        expect(() => first.roles.push('guest')).toThrow(TypeError);
        expect(() => {
          first.address.city = 'Paris';
        }).toThrow(TypeError);
        expect(await cache.get('user:1')).toEqual({
          name: 'Ada',
          roles: ['admin'],
          address: { city: 'London' },
        });
      });

      it('stores the JSON of what was set: the caller keeps its object, mutable and apart', async () => {
        const user = { name: 'Ada', joined: new Date(0), nickname: undefined };
        await cache.set('user:1', user);
        user.name = 'changed';
        expect(Object.isFrozen(user)).toBe(false);
        expect(await cache.get('user:1')).toEqual({
          name: 'Ada',
          joined: '1970-01-01T00:00:00.000Z',
        });
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

      it('returns on a miss what a hit returns: the JSON of the loaded value, frozen', async () => {
        const loader = async () => ({ at: new Date(0), list: [1] });
        const loaded = await cache.wrap('w', loader);
        expect(loaded).toEqual({ at: '1970-01-01T00:00:00.000Z', list: [1] });
        expect(Object.isFrozen(loaded.list)).toBe(true);
        expect(await cache.wrap('w', loader)).toEqual(loaded);
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

    describe('clone', () => {
      it('gives every read its own mutable copy, from get and from wrap, hit or miss', async () => {
        const cloning = await open({ clone: true });
        const missed = (await cloning.wrap('user:1', async () => ({ name: 'Ada', roles: ['a'] })))!;
        missed.roles.push('changed on a miss');
        const hit = (await cloning.get<User>('user:1'))!;
        hit.name = 'changed';
        hit.roles.push('b');
        const again = await cloning.wrap('user:1', async () => ({
          name: 'never loaded',
          roles: [],
        }));
        expect(again).toEqual({ name: 'Ada', roles: ['a'] });
        expect(Object.isFrozen(again)).toBe(false);
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
