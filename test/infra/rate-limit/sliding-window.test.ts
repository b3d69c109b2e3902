/** The sliding-window counter: exact edges, no 2x at a window boundary, exact retry times. */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_WINDOW,
  hitAt,
  type WindowRecord,
} from '../../../src/infra/rate-limit/sliding-window.js';

const policy = { limit: 5, windowMs: 1000 };

/** Hits `times` times at `now`, returning the decisions and the final record. */
function hits(times: number, now: number, from: WindowRecord = EMPTY_WINDOW, p = policy) {
  let record = from;
  const decisions = [];
  for (let i = 0; i < times; i += 1) {
    const outcome = hitAt(record, p, now);
    record = outcome.record;
    decisions.push(outcome.decision);
  }
  return { record, decisions };
}

const allowedCount = (decisions: { allowed: boolean }[]) =>
  decisions.filter((d) => d.allowed).length;

describe('hitAt', () => {
  it('a burst in one window admits exactly limit, counting remaining down', () => {
    const { record, decisions } = hits(8, 10_500);
    expect(allowedCount(decisions)).toBe(5);
    expect(decisions.map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0, 0]);
    expect(record).toEqual({ window: 10, current: 5, previous: 0 });
    expect(decisions[5]).toMatchObject({ allowed: false, limit: 5 });
  });

  it('a refused hit is not counted', () => {
    const { record } = hits(20, 10_000);
    expect(record.current).toBe(5);
  });

  it('the window boundary does not let twice the limit through', () => {
    const first = hits(5, 10_999);
    const second = hits(5, 11_000, first.record);
    expect(allowedCount(second.decisions)).toBe(0);
    // One more fits only once a fifth of the previous window has slid out.
    expect(hitAt(second.record, policy, 11_199).decision.allowed).toBe(false);
    expect(hitAt(second.record, policy, 11_200).decision.allowed).toBe(true);
  });

  it('retryAfter when the current window is full is the time the hit is really allowed', () => {
    const { record, decisions } = hits(6, 10_200);
    const wait = decisions[5]?.retryAfterMs ?? 0;
    // Full current window: allowed again once the decaying share lets one more in.
    expect(wait).toBeGreaterThan(800);
    expect(hitAt(record, policy, 10_200 + wait - 1).decision.allowed).toBe(false);
    expect(hitAt(record, policy, 10_200 + wait).decision.allowed).toBe(true);
  });

  it('retryAfter while the previous window decays is exact', () => {
    const full = hits(5, 10_000).record;
    const now = 11_100; // previous = 5 weighs 4.5: no room.
    const refused = hitAt(full, policy, now);
    expect(refused.decision.allowed).toBe(false);
    const wait = refused.decision.retryAfterMs;
    expect(wait).toBe(100); // at e = 200 the share is 4, and 4 + 1 <= 5.
    expect(hitAt(full, policy, now + wait - 1).decision.allowed).toBe(false);
    expect(hitAt(full, policy, now + wait).decision.allowed).toBe(true);
  });

  it('retryAfter is exact for many states (brute force)', () => {
    const p = { limit: 3, windowMs: 70 };
    for (let previous = 0; previous <= 3; previous += 1) {
      for (let current = 0; current <= 3; current += 1) {
        for (let e = 0; e < 70; e += 7) {
          const record = { window: 100, current, previous };
          const now = 100 * 70 + e;
          const { decision } = hitAt(record, p, now);
          if (decision.allowed) continue;
          let first = now;
          while (!hitAt(record, p, first).decision.allowed) first += 1;
          expect(decision.retryAfterMs).toBe(first - now);
        }
      }
    }
  });

  it('limit 1 waits for the next-but-one window after a hit at the start', () => {
    const p = { limit: 1, windowMs: 1000 };
    const { record, decisions } = hits(2, 5_000, EMPTY_WINDOW, p);
    expect(decisions[1]?.retryAfterMs).toBe(2000);
    expect(hitAt(record, p, 6_999).decision.allowed).toBe(false);
    expect(hitAt(record, p, 7_000).decision.allowed).toBe(true);
  });

  it('resetMs is when the weighted count reaches 0', () => {
    const { decisions, record } = hits(1, 10_250);
    expect(decisions[0]?.resetMs).toBe(1750);
    expect(hitAt(record, policy, 12_000).decision.remaining).toBe(4);
    expect(hitAt(EMPTY_WINDOW, policy, 0).decision).toEqual({
      allowed: true,
      limit: 5,
      remaining: 4,
      resetMs: 2000,
      retryAfterMs: 0,
    });
  });

  it('counts older than the previous window are forgotten', () => {
    const old = hits(5, 1_000).record;
    expect(hitAt(old, policy, 3_000).decision).toMatchObject({ allowed: true, remaining: 4 });
  });
});
