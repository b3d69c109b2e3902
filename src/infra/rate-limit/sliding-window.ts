/** The sliding-window counter as a pure function: the one definition both stores follow. */
import type { RateLimitDecision, RateLimitPolicy } from '#core';

/** What a store keeps per key: the fixed window it counted in, its count and the previous one's. */
export interface WindowRecord {
  /** `floor(now / windowMs)` of the last counted hit. */
  readonly window: number;
  readonly current: number;
  readonly previous: number;
}

/** A key nobody hit. */
export const EMPTY_WINDOW: WindowRecord = { window: 0, current: 0, previous: 0 };

/** The record to keep and the answer to give for one hit at `now`. */
export interface WindowOutcome {
  readonly record: WindowRecord;
  readonly decision: RateLimitDecision;
}

/**
 * One hit of a key at `now` (epoch ms). With `W = windowMs`, window `i = floor(now / W)` and
 * `e = now - i*W`, the weighted count is `previous * (W - e) / W + current`; the hit is allowed iff
 * `weighted + 1 <= limit` and a refused hit is not counted. Arithmetic stays in integers
 * (everything multiplied by `W`), so the edges are exact. `retryAfterMs` is the first millisecond a
 * hit would be allowed; `resetMs` is when the weighted count reaches 0 (at most `2W`).
 */
export function hitAt(stored: WindowRecord, policy: RateLimitPolicy, now: number): WindowOutcome {
  const { limit, windowMs: w } = policy;
  const index = Math.floor(now / w);
  const elapsed = now - index * w;
  const base = rolled(stored, index);
  // Everything below is `weighted * W`, so comparisons are exact integers.
  const decayed = base.previous * (w - elapsed);
  const allowed = decayed + (base.current + 1) * w <= limit * w;
  const current = allowed ? base.current + 1 : base.current;
  const record: WindowRecord = { window: index, current, previous: base.previous };
  const remaining = Math.max(0, Math.floor((limit * w - decayed - current * w) / w));
  const resetMs = current > 0 ? 2 * w - elapsed : base.previous > 0 ? w - elapsed : 0;
  const retryAfterMs = allowed ? 0 : waitFor(base, limit, w, elapsed);
  return { record, decision: { allowed, limit, remaining, resetMs, retryAfterMs } };
}

/** The counts as seen from window `index`: the stored window, the next one, or forgotten. */
export function rolled(stored: WindowRecord, index: number): WindowRecord {
  if (stored.window === index) return stored;
  if (stored.window === index - 1) return { window: index, current: 0, previous: stored.current };
  return { window: index, current: 0, previous: 0 };
}

/** When (epoch ms) a record may be forgotten: its weighted count is 0 from then on. */
export function forgettableAt(record: WindowRecord, windowMs: number): number {
  return (record.window + 2) * windowMs;
}

// Milliseconds until `previous * (W - e') + (current + 1) * W <= limit * W` holds again.
function waitFor(base: WindowRecord, limit: number, w: number, elapsed: number): number {
  const left = w - elapsed;
  const room = limit - 1 - base.current;
  // Still in this window: the previous window's share decays until the hit fits.
  if (room >= 0 && base.previous > 0) {
    const wait = left - Math.floor((room * w) / base.previous);
    if (wait < left) return Math.max(1, wait);
  }
  if (limit < 1) return left + w;
  // Next window: this window's count becomes the decaying share (0 when it is empty).
  if (base.current === 0) return left;
  const into = Math.max(0, w - Math.floor(((limit - 1) * w) / base.current));
  return left + into;
}
