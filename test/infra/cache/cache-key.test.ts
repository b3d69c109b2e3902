/** Key templates and key functions of @Cacheable / @CacheEvict, compiled once. */
import { describe, expect, it } from 'vitest';
import {
  compileCacheKey,
  compileCacheKeys,
  compileKeyTemplate,
} from '../../../src/infra/cache/cache-key.js';

describe('cache keys', () => {
  it('fills positional placeholders and property paths', () => {
    expect(compileKeyTemplate('user:{0}')(['42'])).toBe('user:42');
    expect(compileKeyTemplate('{0}')([7])).toBe('7');
    expect(compileKeyTemplate('org:{0.org.id}:user:{1}:v')([{ org: { id: 7 } }, 3])).toBe(
      'org:7:user:3:v',
    );
    expect(compileKeyTemplate('{1}{0}')(['a', 'b'])).toBe('ba');
  });

  it('renders missing values and objects explicitly instead of failing', () => {
    expect(compileKeyTemplate('a:{1}:{0.missing.deeper}')([{}])).toBe('a:undefined:undefined');
    expect(compileKeyTemplate('q:{0}')([{ page: 2 }])).toBe('q:{"page":2}');
    expect(compileKeyTemplate('n:{0.length}')([null])).toBe('n:undefined');
  });

  it('keeps a template without placeholders, and text that only looks like one, as it is', () => {
    expect(compileKeyTemplate('users')(['ignored'])).toBe('users');
    expect(compileKeyTemplate('a:{x}:{0.}:{0}')(['v'])).toBe('a:{x}:{0.}:v');
  });

  it('gives each call its own key from the same compiled template', () => {
    const key = compileKeyTemplate('user:{0.id}');
    expect([key([{ id: 1 }]), key([{ id: 2 }])]).toEqual(['user:1', 'user:2']);
  });

  it('uses a key function with the call arguments, or a default from the method and arguments', () => {
    expect(compileCacheKey((id: string, lang: string) => `${lang}/${id}`, 'X.m')(['9', 'es'])).toBe(
      'es/9',
    );
    expect(compileCacheKey(undefined, 'UserService.find')(['9', { a: 1 }])).toBe(
      'UserService.find:["9",{"a":1}]',
    );
  });

  it('compiles lists of templates or a list function, and a fixed list when nothing varies', () => {
    const keys = compileCacheKeys(['user:{0}', 'users']);
    expect(typeof keys === 'function' && keys(['5'])).toEqual(['user:5', 'users']);
    const fromFunction = compileCacheKeys((id: string) => [`user:${id}`]);
    expect(typeof fromFunction === 'function' && fromFunction(['5'])).toEqual(['user:5']);
    expect(compileCacheKeys(['users', 'lists'])).toEqual(['users', 'lists']);
    expect(compileCacheKeys(undefined)).toEqual([]);
  });
});
