/** The behaviour every `Lock` adapter must have; each adapter's test file runs it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Lease,
  type Lock,
  LockLostError,
  LockTimeoutError,
  StaleFenceError,
} from '../../src/core/index.js';

/** A lock under test and how to dispose of it (and of the keys it wrote). */
export interface LockUnderTest {
  lock: Lock;
  close(): Promise<void>;
}

/** Builds a fresh lock; locks built with different namespaces must not meet. */
export type MakeLock = (namespace: string) => Promise<LockUnderTest>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function aborted(signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.resolve(signal.reason);
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.reason)));
}

/** Defines the whole lock contract suite for `name`. */
export function runLockContract(name: string, make: MakeLock): void {
  describe(`Lock contract: ${name}`, () => {
    const opened: LockUnderTest[] = [];
    const leases: Lease[] = [];
    let counter = 0;
    let lock: Lock;
    const take = async (key: string, options?: Parameters<Lock['acquire']>[1]) => {
      const lease = await lock.acquire(key, options);
      leases.push(lease);
      return lease;
    };

    beforeEach(async () => {
      const made = await make(`ns${++counter}`);
      opened.push(made);
      lock = made.lock;
    });
    afterEach(async () => {
      await Promise.all(leases.splice(0).map((lease) => lease.release()));
      await Promise.all(opened.splice(0).map((made) => made.close()));
    });

    it('lets one holder at a time take a key; another key is independent', async () => {
      const first = await take('a', { ttlMs: 5000 });
      await expect(lock.acquire('a', { ttlMs: 5000 })).rejects.toBeInstanceOf(LockTimeoutError);
      const other = await take('b', { ttlMs: 5000 });
      expect(other.key).toBe('b');
      expect(await first.release()).toBe(true);
      const second = await take('a', { ttlMs: 5000 });
      expect(second.token).not.toBe(first.token);
    });

    it('rejects with LockTimeoutError (409 LOCK_TIMEOUT) after waitMs while another holds it', async () => {
      await take('a', { ttlMs: 5000 });
      const started = Date.now();
      const error = await lock.acquire('a', { waitMs: 150 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LockTimeoutError);
      expect(error).toMatchObject({ statusCode: 409, code: 'LOCK_TIMEOUT', key: 'a' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('gives the key to a waiter once the holder releases it', async () => {
      const first = await take('a', { ttlMs: 5000 });
      const waiting = take('a', { ttlMs: 5000, waitMs: 3000 });
      await sleep(50);
      await first.release();
      const second = await waiting;
      expect(second.fence).toBeGreaterThan(first.fence);
    });

    it('issues strictly increasing fences per key', async () => {
      const fences: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const lease = await take('a', { ttlMs: 5000 });
        fences.push(lease.fence);
        await lease.release();
      }
      for (let i = 1; i < fences.length; i += 1) expect(fences[i]).toBeGreaterThan(fences[i - 1]!);
    });

    it('lets only the holder release or extend; release after loss resolves false', async () => {
      const lease = await take('a', { ttlMs: 150 });
      await aborted(lease.signal);
      const next = await take('a', { ttlMs: 5000, waitMs: 2000 });
      expect(await lease.release()).toBe(false);
      await expect(lease.extend()).rejects.toBeInstanceOf(LockLostError);
      // The newer holder still holds it: nobody else got in.
      await expect(lock.acquire('a')).rejects.toBeInstanceOf(LockTimeoutError);
      expect(await next.release()).toBe(true);
      expect(await next.release()).toBe(true);
    });

    it('extends a lease past its first TTL', async () => {
      const lease = await take('a', { ttlMs: 300 });
      await sleep(150);
      await lease.extend(1000);
      await sleep(300);
      expect(lease.signal.aborted).toBe(false);
      await expect(lock.acquire('a')).rejects.toBeInstanceOf(LockTimeoutError);
    });

    it('expires an unrenewed lease: its signal aborts with LockLostError, another acquires', async () => {
      const lease = await take('a', { ttlMs: 150 });
      expect(lease.signal.aborted).toBe(false);
      const reason = await aborted(lease.signal);
      expect(reason).toBeInstanceOf(LockLostError);
      const next = await take('a', { ttlMs: 5000, waitMs: 2000 });
      expect(next.fence).toBeGreaterThan(lease.fence);
    });

    it('refuses a stale fence once a later one was issued', async () => {
      const old = await take('a', { ttlMs: 150 });
      await lock.assertFence('a', old.fence);
      await aborted(old.signal);
      const next = await take('a', { ttlMs: 5000, waitMs: 2000 });
      const error = await lock.assertFence('a', old.fence).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StaleFenceError);
      expect(error).toMatchObject({ statusCode: 409, code: 'STALE_FENCE', fence: old.fence });
      await expect(lock.assertFence('a', next.fence)).resolves.toBeUndefined();
    });

    it('keeps an autoExtend lease past its TTL until released', async () => {
      const lease = await take('a', { ttlMs: 200, autoExtend: true });
      await sleep(700);
      expect(lease.signal.aborted).toBe(false);
      await expect(lock.acquire('a')).rejects.toBeInstanceOf(LockTimeoutError);
      expect(await lease.release()).toBe(true);
      const next = await take('a');
      expect(next.fence).toBeGreaterThan(lease.fence);
    });

    it('never lets two concurrent callers hold one key', async () => {
      let holders = 0;
      let most = 0;
      const worker = async () => {
        for (let i = 0; i < 5; i += 1) {
          const lease = await lock.acquire('a', { ttlMs: 5000, waitMs: 5000 });
          holders += 1;
          most = Math.max(most, holders);
          await sleep(Math.random() * 5);
          holders -= 1;
          await lease.release();
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      expect(most).toBe(1);
    });
  });
}
