/** Defaults of the cache adapters and the TTL rule they share. */

/** Defaults used when an option is omitted (durations in milliseconds). */
export const CACHE_DEFAULTS = {
  prefix: 'keel:',
  defaultTtlMs: 300_000,
  maxEntries: 10_000,
  timeoutMs: 150,
  cooldownMs: 5_000,
  failureThreshold: 3,
} as const;

/** A positive, finite `ttl` (rounded up to whole ms); anything else falls back to `fallback`. */
export function resolveTtl(ttl: number | undefined, fallback: number): number {
  return ttl !== undefined && Number.isFinite(ttl) && ttl > 0 ? Math.ceil(ttl) : fallback;
}
