/** Compiles `@Cacheable`/`@CacheEvict` key specs once, at boot, into functions of the call's args. */
import type { CacheKeySpec, CacheKeysSpec } from './cache.metadata.js';

/** The key of one call, from its arguments. */
export type KeyOf = (args: readonly unknown[]) => string;

/** The keys (or tags) of one call, from its arguments. */
export type KeysOf = (args: readonly unknown[]) => string[];

/** Compiled keys: the same list for every call, or a function of the call's arguments. */
export type CompiledKeys = readonly string[] | KeysOf;

const PLACEHOLDER = /\{(\d+)((?:\.[A-Za-z_$][\w$]*)*)\}/g;
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER.source);

/** `'user:{0}'`, `'org:{0.org.id}:user:{1}'`... as one function; the template is parsed here only. */
export function compileKeyTemplate(template: string): KeyOf {
  const literals: string[] = [];
  const parts: KeyOf[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    literals.push(template.slice(last, match.index));
    parts.push(placeholder(Number(match[1]), match[2]?.split('.').slice(1) ?? []));
    last = match.index + match[0].length;
  }
  const tail = template.slice(last);
  const only = parts[0];
  if (only === undefined) return () => template;
  // The common shape (`'user:{0}'`): no loop, no array.
  if (parts.length === 1) {
    const head = literals[0] ?? '';
    return (args) => head + only(args) + tail;
  }
  return (args) => {
    let key = '';
    for (let i = 0; i < parts.length; i++) key += literals[i]! + parts[i]!(args);
    return key + tail;
  };
}

/** The key function of `@Cacheable`; without a spec, `fallback` plus the JSON of the arguments. */
export function compileCacheKey(spec: CacheKeySpec | undefined, fallback: string): KeyOf {
  if (spec === undefined) return (args) => `${fallback}:${JSON.stringify(args)}`;
  if (typeof spec === 'string') return compileKeyTemplate(spec);
  const fn = spec as (...values: readonly unknown[]) => string;
  return (args) => fn(...args);
}

/** The keys (or tags) of a spec: a fixed list when no template has a placeholder. */
export function compileCacheKeys(spec: CacheKeysSpec | undefined): CompiledKeys {
  if (spec === undefined) return [];
  if (typeof spec === 'function') {
    const fn = spec as (...values: readonly unknown[]) => readonly string[];
    return (args) => [...fn(...args)];
  }
  if (!spec.some((template) => HAS_PLACEHOLDER.test(template))) return [...spec];
  const keys = spec.map(compileKeyTemplate);
  return (args) => keys.map((key) => key(args));
}

/** One placeholder: argument `index`, then each property of `path` (missing values render). */
function placeholder(index: number, path: readonly string[]): KeyOf {
  if (path.length === 0) return (args) => keyPart(args[index]);
  return (args) => {
    let value: unknown = args[index];
    for (const property of path) {
      value =
        value === null || value === undefined ? undefined : Reflect.get(Object(value), property);
    }
    return keyPart(value);
  };
}

function keyPart(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
