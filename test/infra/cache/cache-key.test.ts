/** Key templates and key functions of @Cacheable / @CacheEvict. */
import { describe, expect, it } from 'vitest';
import {
  renderKeyTemplate,
  resolveCacheKey,
  resolveCacheKeys,
} from '../../../src/infra/cache/cache-key.js';

describe('cache keys', () => {
  it('fills positional placeholders and property paths', () => {
    expect(renderKeyTemplate('user:{0}', ['42'])).toBe('user:42');
    expect(renderKeyTemplate('org:{0.org.id}:user:{1}', [{ org: { id: 7 } }, 3])).toBe(
      'org:7:user:3',
    );
  });

  it('renders missing values and objects explicitly instead of failing', () => {
    expect(renderKeyTemplate('a:{1}:{0.missing.deeper}', [{}])).toBe('a:undefined:undefined');
    expect(renderKeyTemplate('q:{0}', [{ page: 2 }])).toBe('q:{"page":2}');
  });

  it('uses a key function with the call arguments, or a default from the method and arguments', () => {
    expect(resolveCacheKey((id: string, lang: string) => `${lang}/${id}`, ['9', 'es'], 'X.m')).toBe(
      'es/9',
    );
    expect(resolveCacheKey(undefined, ['9', { a: 1 }], 'UserService.find')).toBe(
      'UserService.find:["9",{"a":1}]',
    );
  });

  it('resolves lists of templates or a list function, and nothing without a spec', () => {
    expect(resolveCacheKeys(['user:{0}', 'users'], ['5'])).toEqual(['user:5', 'users']);
    expect(resolveCacheKeys((id: string) => [`user:${id}`], ['5'])).toEqual(['user:5']);
    expect(resolveCacheKeys(undefined, ['5'])).toEqual([]);
  });
});
