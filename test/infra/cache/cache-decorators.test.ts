/** @Cacheable / @CacheEvict, bound to plain instances by the explorer (no app needed). */
import { describe, expect, it } from 'vitest';
import { Cacheable, CacheEvict } from '#infra/cache';
import { DiscoveryService } from '../../../src/core/di/discovery.service.js';
import { CacheDecoratorsExplorer } from '../../../src/infra/cache/cache-decorators.explorer.js';
import { MemoryCache } from '../../../src/infra/cache/memory-cache.js';

class UserService {
  loads = 0;

  @Cacheable({ key: 'user:{0}', tags: ['users', 'user:{0}'] })
  async find(id: string) {
    this.loads++;
    return { id, load: this.loads };
  }

  @Cacheable({ key: (id: string) => `optional:${id}` })
  async findOptional(_id: string) {
    this.loads++;
    return undefined;
  }

  @Cacheable({ ttl: 60_000 })
  async search(query: { name: string }) {
    this.loads++;
    return [query.name];
  }

  @CacheEvict({ keys: ['user:{0}'] })
  async rename(_id: string) {
    return 'renamed';
  }

  @CacheEvict({ tags: (id: string) => [`user:${id}`] })
  async remove(_id: string) {}

  @CacheEvict({ tags: ['users'] })
  async failingUpdate() {
    throw new Error('update failed');
  }
}

function bind(instance: UserService, cache = new MemoryCache()) {
  const entry = { token: UserService, instance, metatype: UserService, moduleName: 'UsersModule' };
  const discovery = new DiscoveryService(
    () => [entry],
    () => [],
  );
  new CacheDecoratorsExplorer(discovery, cache).onModuleInit();
  return cache;
}

describe('cache decorators', () => {
  it('caches a result under its template key and tags, calling the method with its own this', async () => {
    const users = new UserService();
    const cache = bind(users);
    expect(await users.find('1')).toEqual({ id: '1', load: 1 });
    expect(await users.find('1')).toEqual({ id: '1', load: 1 });
    expect(users.loads).toBe(1);
    expect(await cache.get('user:1')).toEqual({ id: '1', load: 1 });
    await cache.invalidateTags(['user:1']);
    expect(await users.find('1')).toEqual({ id: '1', load: 2 });
  });

  it('gives the caller of a miss the read-only value every later hit gets', async () => {
    const users = new UserService();
    bind(users);
    const first = await users.find('1');
    expect(Object.isFrozen(first)).toBe(true);
    expect(await users.find('1')).toBe(first);
  });

  it('runs the method once for concurrent calls with the same key', async () => {
    const users = new UserService();
    bind(users);
    await Promise.all(Array.from({ length: 5 }, () => users.find('7')));
    expect(users.loads).toBe(1);
  });

  it('does not cache undefined results', async () => {
    const users = new UserService();
    bind(users);
    await users.findOptional('1');
    await users.findOptional('1');
    expect(users.loads).toBe(2);
  });

  it('derives a key from the class, method and arguments when none is given', async () => {
    const users = new UserService();
    const cache = bind(users);
    await users.search({ name: 'ada' });
    await users.search({ name: 'ada' });
    await users.search({ name: 'bob' });
    expect(users.loads).toBe(2);
    expect(await cache.get('UserService.search:[{"name":"ada"}]')).toEqual(['ada']);
  });

  it('evicts keys and tags after the method succeeds and returns its result', async () => {
    const users = new UserService();
    const cache = bind(users);
    await users.find('1');
    await users.find('2');
    expect(await users.rename('1')).toBe('renamed');
    expect(await cache.get('user:1')).toBeUndefined();
    await users.remove('2');
    expect(await cache.get('user:2')).toBeUndefined();
  });

  it('evicts nothing and rethrows when the method fails', async () => {
    const users = new UserService();
    const cache = bind(users);
    await users.find('1');
    await expect(users.failingUpdate()).rejects.toThrow('update failed');
    expect(await cache.get('user:1')).toEqual({ id: '1', load: 1 });
  });

  it('leaves instances it was not given untouched: the decorators keep no global state', async () => {
    bind(new UserService());
    const unbound = new UserService();
    await unbound.find('1');
    await unbound.find('1');
    expect(unbound.loads).toBe(2);
  });

  it('wraps each method once even when the explorer runs twice', async () => {
    const users = new UserService();
    const cache = new MemoryCache();
    bind(users, cache);
    const wrapped = users.find;
    bind(users, cache);
    expect(users.find).toBe(wrapped);
  });
});
