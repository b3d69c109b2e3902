/** The behaviour every `IdempotencyStore` adapter must have; each adapter's test file runs it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  IdempotencyStore,
  StoredResponse,
} from '../../src/core/ports/idempotency-store.port.js';

/** Two handles on one store (two workers; the same instance for memory) and how to dispose. */
export interface IdempotencyStoreUnderTest {
  store: IdempotencyStore;
  /** Another instance over the same records (Redis), or `store` itself (memory). */
  peer: IdempotencyStore;
  close(): Promise<void>;
}

/** Builds a fresh, empty store; stores built with different namespaces must not meet. */
export type MakeIdempotencyStore = (namespace: string) => Promise<IdempotencyStoreUnderTest>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LOCK = 60_000;
const KEEP = 60_000;
const created: StoredResponse = {
  statusCode: 201,
  headers: { 'content-type': 'application/json; charset=utf-8', location: '/orders/7' },
  body: '{"id":7,"note":"ünïcode \\"quoted\\""}',
};

/** Defines the whole idempotency-store contract suite for `name`. */
export function runIdempotencyStoreContract(name: string, make: MakeIdempotencyStore): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    const opened: IdempotencyStoreUnderTest[] = [];
    let counter = 0;
    let store: IdempotencyStore;
    let peer: IdempotencyStore;

    beforeEach(async () => {
      const made = await make(`ns${++counter}`);
      opened.push(made);
      ({ store, peer } = made);
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((made) => made.close()));
    });

    const acquire = async (key: string, fp = 'fp1', lockMs = LOCK) => {
      const claim = await store.claim(key, fp, lockMs);
      if (claim.state !== 'acquired') throw new Error(`expected acquired, got ${claim.state}`);
      return claim.token;
    };

    it('50 concurrent claims of one key (over two instances) yield exactly one acquired', async () => {
      const claims = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? store : peer).claim('k', 'fp1', LOCK)),
      );
      const states = claims.map((claim) => claim.state);
      expect(states.filter((state) => state === 'acquired')).toHaveLength(1);
      expect(states.filter((state) => state === 'in-progress')).toHaveLength(49);
    });

    it('a completed key replays the stored response exactly, from either instance', async () => {
      const token = await acquire('k');
      await store.complete('k', token, created, KEEP);
      expect(await store.claim('k', 'fp1', LOCK)).toEqual({
        state: 'completed',
        response: created,
      });
      expect(await peer.claim('k', 'fp1', LOCK)).toEqual({ state: 'completed', response: created });
    });

    it('another fingerprint is a mismatch, whether the key is running or completed', async () => {
      const token = await acquire('k');
      expect(await peer.claim('k', 'fp2', LOCK)).toEqual({ state: 'mismatch' });
      await store.complete('k', token, created, KEEP);
      expect(await peer.claim('k', 'fp2', LOCK)).toEqual({ state: 'mismatch' });
    });

    it('release lets a retry acquire the key again', async () => {
      const token = await acquire('k');
      await store.release('k', token);
      const retry = await peer.claim('k', 'fp1', LOCK);
      expect(retry.state).toBe('acquired');
    });

    it('keys are independent', async () => {
      await acquire('a');
      expect((await store.claim('b', 'fp1', LOCK)).state).toBe('acquired');
    });

    it('a lapsed claim (short lockMs) can be re-acquired, with another fingerprint too', async () => {
      await acquire('k', 'fp1', 50);
      expect((await peer.claim('k', 'fp1', LOCK)).state).toBe('in-progress');
      await sleep(120);
      expect((await peer.claim('k', 'fp2', LOCK)).state).toBe('acquired');
    });

    it('a stale token cannot complete or release the claim of the run that followed', async () => {
      const stale = await acquire('k', 'fp1', 50);
      await sleep(120);
      const fresh = await peer.claim('k', 'fp1', LOCK);
      expect(fresh.state).toBe('acquired');
      await store.complete('k', stale, { ...created, body: 'stale' }, KEEP);
      await store.release('k', stale);
      expect((await store.claim('k', 'fp1', LOCK)).state).toBe('in-progress');
      if (fresh.state !== 'acquired') return;
      await peer.complete('k', fresh.token, created, KEEP);
      expect(await store.claim('k', 'fp1', LOCK)).toEqual({
        state: 'completed',
        response: created,
      });
    });

    it('a completed record cannot be released or completed again', async () => {
      const token = await acquire('k');
      await store.complete('k', token, created, KEEP);
      await store.release('k', token);
      await store.complete('k', token, { ...created, statusCode: 400 }, KEEP);
      expect(await store.claim('k', 'fp1', LOCK)).toEqual({
        state: 'completed',
        response: created,
      });
    });

    it('a completed record expires after its retention', async () => {
      const token = await acquire('k');
      await store.complete('k', token, created, 50);
      await sleep(120);
      expect((await store.claim('k', 'fp2', LOCK)).state).toBe('acquired');
    });
  });
}
