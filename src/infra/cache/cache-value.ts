/** How the cache adapters keep a value's JSON and hand it to callers: shared and frozen, or cloned. */

/**
 * What an adapter keeps for a value's JSON (`keep`) and what each reader gets (`handOut`).
 * Redis keeps the JSON itself, so its readers get `handOut(keep(json))`.
 */
export interface CacheValueCodec {
  keep(json: string): unknown;
  handOut(kept: unknown): unknown;
}

/**
 * The default: the JSON is parsed once and deeply frozen, and every reader gets that same value,
 * so a hit costs no parse and no copy, and a caller that tries to change it gets a TypeError
 * instead of changing what the next request reads.
 */
const SHARED: CacheValueCodec = {
  keep: (json) => deepFreeze(JSON.parse(json)),
  handOut: (kept) => kept,
};

/** `clone: true`: the JSON is kept and every reader gets a fresh, mutable parse of it. */
const CLONED: CacheValueCodec = {
  keep: (json) => json,
  handOut: (kept) => JSON.parse(kept as string),
};

/** The codec of a cache built with `clone`. */
export function cacheValueCodec(clone: boolean | undefined): CacheValueCodec {
  return clone ? CLONED : SHARED;
}

/**
 * The JSON of a value to cache, or `undefined` when there is nothing to store (`undefined`, or
 * a value JSON drops, such as a function). A value JSON cannot hold (a BigInt, a cycle) throws.
 */
export function cacheJson(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

/** Freezes a parsed JSON value and everything in it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
