/** Turns `@Cacheable`/`@CacheEvict` key specs into concrete keys for one call. */
import type { CacheKeySpec, CacheKeysSpec } from './cache.metadata.js';

const PLACEHOLDER = /\{(\d+)((?:\.[A-Za-z_$][\w$]*)*)\}/g;

/** Fills `{0}`, `{1.id}`... in `template` from `args`. */
export function renderKeyTemplate(template: string, args: readonly unknown[]): string {
  return template.replace(PLACEHOLDER, (_match, index: string, path: string) => {
    let value: unknown = args[Number(index)];
    for (const property of path.split('.').slice(1)) {
      value =
        value === null || value === undefined ? undefined : Reflect.get(Object(value), property);
    }
    return keyPart(value);
  });
}

/** The key of one call; without a spec, `fallback` plus the JSON of the arguments. */
export function resolveCacheKey(
  spec: CacheKeySpec | undefined,
  args: readonly unknown[],
  fallback: string,
): string {
  if (spec === undefined) return `${fallback}:${JSON.stringify(args)}`;
  if (typeof spec === 'string') return renderKeyTemplate(spec, args);
  return (spec as (...values: readonly unknown[]) => string)(...args);
}

/** The keys (or tags) of one call; none without a spec. */
export function resolveCacheKeys(
  spec: CacheKeysSpec | undefined,
  args: readonly unknown[],
): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'function') {
    return [...(spec as (...values: readonly unknown[]) => readonly string[])(...args)];
  }
  return spec.map((template) => renderKeyTemplate(template, args));
}

function keyPart(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
