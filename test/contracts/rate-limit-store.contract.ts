/** The behaviour every `RateLimitStore` adapter must have; each adapter's test file runs it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  RateLimitPolicy,
  RateLimitStore,
} from '../../src/core/ports/rate-limit-store.port.js';

/** A store under test, a second instance sharing its counts, and how to dispose of both. */
export interface RateLimitStoreUnderTest {
  store: RateLimitStore;
  /** Another instance (another connection for Redis) that must see the same counts. */
  peer: RateLimitStore;
  close(): Promise<void>;
}

/** Builds a fresh, empty store; stores built with different namespaces must not meet. */
export type MakeRateLimitStore = (namespace: string) => Promise<RateLimitStoreUnderTest>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Defines the whole rate-limit store contract suite for `name`. */
export function runRateLimitStoreContract(name: string, make: MakeRateLimitStore): void {
  describe(`RateLimitStore contract: ${name}`, () => {
    const opened: RateLimitStoreUnderTest[] = [];
    let counter = 0;
    let made: RateLimitStoreUnderTest;
    const policy: RateLimitPolicy = { limit: 3, windowMs: 60_000 };

    beforeEach(async () => {
      made = await make(`ns${++counter}`);
      opened.push(made);
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((m) => m.close()));
    });

    it('admits limit hits counting remaining down, then refuses with a retry time', async () => {
      const decisions = [];
      for (let i = 0; i < 5; i += 1) decisions.push(await made.store.consume('a', policy));
      expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
        [true, 2],
        [true, 1],
        [true, 0],
        [false, 0],
        [false, 0],
      ]);
      expect(decisions[0]).toMatchObject({ limit: 3, retryAfterMs: 0 });
      const refused = decisions[3];
      expect(refused?.retryAfterMs).toBeGreaterThan(0);
      expect(refused?.retryAfterMs).toBeLessThanOrEqual(120_000);
      expect(refused?.resetMs).toBeGreaterThan(60_000);
      expect(refused?.resetMs).toBeLessThanOrEqual(120_000);
    });

    it('keys are counted apart', async () => {
      for (let i = 0; i < 3; i += 1) await made.store.consume('a', policy);
      expect((await made.store.consume('a', policy)).allowed).toBe(false);
      expect(await made.store.consume('b', policy)).toMatchObject({ allowed: true, remaining: 2 });
    });

    it('reset forgets the key', async () => {
      for (let i = 0; i < 3; i += 1) await made.store.consume('a', policy);
      await made.store.reset('a');
      expect(await made.store.consume('a', policy)).toMatchObject({ allowed: true, remaining: 2 });
      await made.store.reset('never-hit');
    });

    it('N concurrent hits on one key from two instances admit exactly limit', async () => {
      const wide: RateLimitPolicy = { limit: 10, windowMs: 60_000 };
      const calls = Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? made.store : made.peer).consume('shared', wide),
      );
      const decisions = await Promise.all(calls);
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
      expect((await made.peer.consume('shared', wide)).allowed).toBe(false);
    });

    it('hits come back as the window slides', async () => {
      const short: RateLimitPolicy = { limit: 2, windowMs: 150 };
      await made.store.consume('s', short);
      await made.store.consume('s', short);
      const refused = await made.store.consume('s', short);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(300);
      // Two windows later every count has decayed to 0.
      await sleep(320);
      expect(await made.store.consume('s', short)).toMatchObject({ allowed: true, remaining: 1 });
    });
  });
}
