/** MemoryCache specifics beyond the contract: shared values, the LRU bound, expiry on a controlled clock. */
import { describe, expect, it } from 'vitest';
import { CACHE, CLOCK, type Clock, createTestingModule } from '#core';
import { CacheModule } from '#infra/cache';
import { MemoryCache } from '../../../src/infra/cache/memory-cache.js';

function manualClock(start = 0) {
  let now = start;
  const clock: Clock = { now: () => new Date(now) };
  const advance = (ms: number) => {
    now += ms;
  };
  return { clock, advance };
}

describe('MemoryCache', () => {
  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = new MemoryCache({ maxEntries: 3 });
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.set('c', 3);
    await cache.get('a');
    await cache.set('d', 4);
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((key) => cache.get(key)))).toEqual([
      1,
      undefined,
      3,
      4,
    ]);
  });

  it('keeps the LRU order when the most recent entry is read again and again', async () => {
    const cache = new MemoryCache({ maxEntries: 3 });
    await cache.set('a', 1);
    await cache.set('b', 2);
    await cache.set('c', 3);
    await cache.get('c');
    await cache.wrap('c', async () => 0);
    await cache.get('a');
    await cache.get('a');
    await cache.delete('a');
    await cache.get('b');
    await cache.set('d', 4);
    await cache.set('e', 5);
    expect(await Promise.all(['a', 'b', 'c', 'd', 'e'].map((key) => cache.get(key)))).toEqual([
      undefined,
      2,
      undefined,
      4,
      5,
    ]);
  });

  it('hands every read the one frozen value kept at write: no parse and no copy per hit', async () => {
    const cache = new MemoryCache();
    const loaded = await cache.wrap('user:1', async () => ({ name: 'Ada' }));
    expect(await cache.get('user:1')).toBe(loaded);
    expect(await cache.wrap('user:1', async () => ({ name: 'never loaded' }))).toBe(loaded);
    expect(Object.isFrozen(loaded)).toBe(true);
  });

  it('with clone, hands every read a copy of its own', async () => {
    const cache = new MemoryCache({ clone: true });
    await cache.set('user:1', { name: 'Ada' });
    const [first, second] = [await cache.get('user:1'), await cache.get('user:1')];
    expect(first).toEqual(second);
    expect(first).not.toBe(second);
  });

  it('removes an evicted entry from its tags so invalidation does not touch a newer entry', async () => {
    const cache = new MemoryCache({ maxEntries: 1 });
    await cache.set('old', 1, { tags: ['t'] });
    await cache.set('new', 2);
    await cache.invalidateTags(['t']);
    expect(await cache.get('new')).toBe(2);
    expect((await cache.health()).details).toMatchObject({ entries: 1, maxEntries: 1 });
  });

  it('expires entries exactly at their ttl on the given clock, using the default ttl when none is given', async () => {
    const { clock, advance } = manualClock();
    const cache = new MemoryCache({ clock, defaultTtlMs: 1_000 });
    await cache.set('explicit', 1, { ttl: 100 });
    await cache.set('default', 2);
    advance(99);
    expect(await cache.get('explicit')).toBe(1);
    advance(1);
    expect(await cache.get('explicit')).toBeUndefined();
    advance(899);
    expect(await cache.get('default')).toBe(2);
    advance(1);
    expect(await cache.get('default')).toBeUndefined();
  });

  it('runs the loader again once a wrapped entry expires, and caches the new value', async () => {
    const { clock, advance } = manualClock();
    const cache = new MemoryCache({ clock });
    let loads = 0;
    const loader = async () => ++loads;
    await cache.wrap('k', loader, { ttl: 100 });
    advance(99);
    expect(await cache.wrap('k', loader, { ttl: 100 })).toBe(1);
    advance(1);
    expect(await cache.wrap('k', loader, { ttl: 100 })).toBe(2);
    expect(await cache.wrap('k', loader, { ttl: 100 })).toBe(2);
  });

  it('falls back to the default ttl for a zero, negative or non-finite ttl', async () => {
    const { clock, advance } = manualClock();
    const cache = new MemoryCache({ clock, defaultTtlMs: 1_000 });
    await cache.set('zero', 1, { ttl: 0 });
    await cache.set('negative', 1, { ttl: -5 });
    await cache.set('infinite', 1, { ttl: Number.POSITIVE_INFINITY });
    advance(999);
    expect(await cache.get('zero')).toBe(1);
    advance(1);
    const after = await Promise.all(['zero', 'negative', 'infinite'].map((key) => cache.get(key)));
    expect(after).toEqual([undefined, undefined, undefined]);
  });

  it('always reports ok health', async () => {
    expect(await new MemoryCache().health()).toMatchObject({
      status: 'ok',
      details: { driver: 'memory' },
    });
  });

  it('runs on the app clock: overriding CLOCK controls expiry in a real app', async () => {
    const { clock, advance } = manualClock();
    const app = await createTestingModule({
      imports: [CacheModule.forRoot({ driver: 'memory' })],
    })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    try {
      const cache = app.get(CACHE);
      await cache.set('k', 1, { ttl: 1_000 });
      advance(999);
      expect(await cache.get('k')).toBe(1);
      advance(1);
      expect(await cache.get('k')).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
