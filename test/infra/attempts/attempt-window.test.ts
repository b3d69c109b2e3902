/** The limiter rules on a fake clock: backoff doubling, its 1 h cap, and the 24 h lockout memory. */
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPT_BLOCK_MS } from '#core';
import { MemoryAttemptLimiter } from '../../../src/infra/attempts/memory-attempt-limiter.js';

const MINUTE = 60_000;

function clock() {
  let now = 1_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('attempt backoff', () => {
  it('doubles the block on each lockout within 24 h, up to 1 h', async () => {
    const time = clock();
    const limiter = new MemoryAttemptLimiter({ now: time.now });
    const policy = { limit: 2, windowMs: 5 * MINUTE };
    const blocks: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      await limiter.fail('k', policy);
      const state = await limiter.fail('k', policy);
      blocks.push(state.retryAfterMs);
      time.advance(state.retryAfterMs);
    }
    expect(blocks).toEqual([5, 10, 20, 40, 60, 60].map((m) => m * MINUTE));
    expect(MAX_ATTEMPT_BLOCK_MS).toBe(60 * MINUTE);
  });

  it('forgets earlier lockouts after 24 h: the next block is one window again', async () => {
    const time = clock();
    const limiter = new MemoryAttemptLimiter({ now: time.now });
    const policy = { limit: 1, windowMs: MINUTE };
    expect((await limiter.fail('k', policy)).retryAfterMs).toBe(MINUTE);
    time.advance(MINUTE);
    expect((await limiter.fail('k', policy)).retryAfterMs).toBe(2 * MINUTE);
    time.advance(24 * 60 * MINUTE + 1);
    expect((await limiter.fail('k', policy)).retryAfterMs).toBe(MINUTE);
  });

  it('stays bounded: past maxKeys the expired and then the oldest keys are dropped', async () => {
    const time = clock();
    const limiter = new MemoryAttemptLimiter({ now: time.now, maxKeys: 10 });
    const policy = { limit: 5, windowMs: MINUTE };
    for (let i = 0; i < 10; i += 1) await limiter.fail(`old${i}`, policy);
    time.advance(2 * MINUTE);
    for (let i = 0; i < 3; i += 1) await limiter.fail(`new${i}`, policy);
    expect(limiter.size).toBe(3);
    for (let i = 0; i < 20; i += 1) await limiter.fail(`more${i}`, policy);
    expect(limiter.size).toBeLessThanOrEqual(10);
    expect((await limiter.peek('more19', policy)).count).toBe(1);
  });
});
