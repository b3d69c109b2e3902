/** The attempt-limiter rules as a pure function, so the memory adapter and the Lua script agree. */
import {
  ATTEMPT_LOCKOUT_MEMORY_MS,
  type AttemptPolicy,
  type AttemptState,
  MAX_ATTEMPT_BLOCK_MS,
} from '#core';

/** What is remembered about one key (epoch milliseconds). */
export interface AttemptRecord {
  count: number;
  windowEndsAt: number;
  blockedUntil: number;
  /** Lockouts within the lockout memory, for the backoff. */
  lockouts: number;
  lockoutsForgottenAt: number;
}

/** A key nobody failed on. */
export const EMPTY_RECORD: AttemptRecord = {
  count: 0,
  windowEndsAt: 0,
  blockedUntil: 0,
  lockouts: 0,
  lockoutsForgottenAt: 0,
};

/** The state of `record` at `now` (`peek`). */
export function stateAt(record: AttemptRecord, now: number): AttemptState {
  if (record.blockedUntil > now) {
    return { blocked: true, retryAfterMs: record.blockedUntil - now, count: record.count };
  }
  return { blocked: false, retryAfterMs: 0, count: record.windowEndsAt > now ? record.count : 0 };
}

/**
 * One failure at `now`: ignored while blocked; otherwise counted in the current window (a new
 * one starts after the last ended). Reaching the limit blocks the key for the window length,
 * doubled for each earlier lockout still remembered, capped at `MAX_ATTEMPT_BLOCK_MS`.
 */
export function failAt(
  record: AttemptRecord,
  policy: AttemptPolicy,
  now: number,
): { record: AttemptRecord; state: AttemptState } {
  if (record.blockedUntil > now) return { record, state: stateAt(record, now) };
  const fresh = record.windowEndsAt <= now;
  const count = (fresh ? 0 : record.count) + 1;
  const windowEndsAt = fresh ? now + policy.windowMs : record.windowEndsAt;
  if (count < Math.max(1, policy.limit)) {
    const next = { ...record, count, windowEndsAt };
    return { record: next, state: { blocked: false, retryAfterMs: 0, count } };
  }
  const earlier = record.lockoutsForgottenAt > now ? record.lockouts : 0;
  const blockMs = Math.min(policy.windowMs * 2 ** Math.min(earlier, 30), MAX_ATTEMPT_BLOCK_MS);
  const next: AttemptRecord = {
    count,
    // The block ends the window: the key starts over with a fresh count afterwards.
    windowEndsAt: now + blockMs,
    blockedUntil: now + blockMs,
    lockouts: earlier + 1,
    lockoutsForgottenAt: now + ATTEMPT_LOCKOUT_MEMORY_MS,
  };
  return { record: next, state: { blocked: true, retryAfterMs: blockMs, count } };
}

/** When `record` can be forgotten entirely. */
export function expiresAt(record: AttemptRecord): number {
  return Math.max(record.windowEndsAt, record.blockedUntil, record.lockoutsForgottenAt);
}
