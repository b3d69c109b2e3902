/** The behaviour every `AttemptLimiter` adapter must have; each adapter's test file runs it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttemptLimiter, AttemptPolicy } from '../../src/core/ports/attempt-limiter.port.js';

/** A limiter under test and how to dispose of it (and of the keys it wrote). */
export interface AttemptLimiterUnderTest {
  limiter: AttemptLimiter;
  close(): Promise<void>;
}

/** Builds a fresh, empty limiter; limiters built with different namespaces must not meet. */
export type MakeAttemptLimiter = (namespace: string) => Promise<AttemptLimiterUnderTest>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Defines the whole attempt-limiter contract suite for `name`. */
export function runAttemptLimiterContract(name: string, make: MakeAttemptLimiter): void {
  describe(`AttemptLimiter contract: ${name}`, () => {
    const opened: AttemptLimiterUnderTest[] = [];
    let counter = 0;
    let limiter: AttemptLimiter;
    const policy: AttemptPolicy = { limit: 3, windowMs: 60_000 };
    const short: AttemptPolicy = { limit: 2, windowMs: 200 };

    beforeEach(async () => {
      const made = await make(`ns${++counter}`);
      opened.push(made);
      limiter = made.limiter;
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((made) => made.close()));
    });

    const failTimes = async (key: string, times: number, p = policy) => {
      const states = [];
      for (let i = 0; i < times; i += 1) states.push(await limiter.fail(key, p));
      return states;
    };

    it('knows nothing of a key nobody failed on', async () => {
      expect(await limiter.peek('a', policy)).toEqual({
        blocked: false,
        retryAfterMs: 0,
        count: 0,
      });
    });

    it('counts failures below the limit without blocking; peek does not count', async () => {
      const states = await failTimes('a', 2);
      expect(states.map((s) => [s.blocked, s.count])).toEqual([
        [false, 1],
        [false, 2],
      ]);
      expect(await limiter.peek('a', policy)).toEqual({
        blocked: false,
        retryAfterMs: 0,
        count: 2,
      });
      expect((await limiter.peek('a', policy)).count).toBe(2);
    });

    it('the limit-th failure blocks the key for the window', async () => {
      const [, , third] = await failTimes('a', 3);
      expect(third).toMatchObject({ blocked: true, count: 3 });
      expect(third?.retryAfterMs).toBeGreaterThan(59_000);
      expect(third?.retryAfterMs).toBeLessThanOrEqual(60_000);
      const peeked = await limiter.peek('a', policy);
      expect(peeked.blocked).toBe(true);
      expect(peeked.retryAfterMs).toBeLessThanOrEqual(60_000);
    });

    it('failures while blocked are not counted and do not extend the block', async () => {
      const [, , third] = await failTimes('a', 3);
      await sleep(20);
      const more = await failTimes('a', 5);
      for (const state of more) {
        expect(state).toMatchObject({ blocked: true, count: 3 });
        expect(state.retryAfterMs).toBeLessThan(third?.retryAfterMs ?? 0);
      }
    });

    it('keys are independent', async () => {
      await failTimes('a', 3);
      expect(await limiter.peek('b', policy)).toEqual({
        blocked: false,
        retryAfterMs: 0,
        count: 0,
      });
      expect((await limiter.fail('b', policy)).count).toBe(1);
    });

    it('a window that ends below the limit starts the count over', async () => {
      await limiter.fail('a', { limit: 3, windowMs: 150 });
      await sleep(200);
      expect((await limiter.peek('a', { limit: 3, windowMs: 150 })).count).toBe(0);
      expect((await limiter.fail('a', { limit: 3, windowMs: 150 })).count).toBe(1);
    });

    it('the block ends with the window; the next lockout of the key blocks twice as long', async () => {
      const first = (await failTimes('a', 2, short))[1];
      expect(first).toMatchObject({ blocked: true });
      expect(first?.retryAfterMs).toBeLessThanOrEqual(200);
      await sleep(250);
      expect(await limiter.peek('a', short)).toEqual({ blocked: false, retryAfterMs: 0, count: 0 });
      const second = (await failTimes('a', 2, short))[1];
      expect(second?.blocked).toBe(true);
      expect(second?.retryAfterMs).toBeGreaterThan(200);
      expect(second?.retryAfterMs).toBeLessThanOrEqual(400);
    });

    it('reset clears the count and the block, but not the lockout history of the backoff', async () => {
      await failTimes('a', 2, short);
      await limiter.reset('a');
      expect(await limiter.peek('a', short)).toEqual({ blocked: false, retryAfterMs: 0, count: 0 });
      const again = (await failTimes('a', 2, short))[1];
      expect(again?.retryAfterMs).toBeGreaterThan(200);
      await limiter.reset('never-failed');
      expect((await limiter.peek('never-failed', short)).count).toBe(0);
    });

    it('concurrent failures are counted exactly: one of twenty reaches the limit of ten', async () => {
      const p: AttemptPolicy = { limit: 10, windowMs: 60_000 };
      const states = await Promise.all(Array.from({ length: 20 }, () => limiter.fail('c', p)));
      const open = states.filter((s) => !s.blocked).map((s) => s.count);
      expect(open.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(states.filter((s) => s.blocked)).toHaveLength(11);
      expect(await limiter.peek('c', p)).toMatchObject({ blocked: true, count: 10 });
    });
  });
}
