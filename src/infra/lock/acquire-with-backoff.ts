/** The acquire loop the Redis and Postgres locks share: try, then back off until `waitMs` runs out. */
import { randomUUID } from 'node:crypto';
import { type Lease, type LockOptions, LockTimeoutError } from '#core';
import { DEFAULT_LOCK_TTL_MS } from './lock-defaults.js';
import { type LeaseBackend, LockLease } from './lock-lease.js';

/** How one backend takes a key, and how long to wait between tries (milliseconds). */
export interface AcquireBackend extends LeaseBackend {
  /** The new fence when `token` took the key, 0 while another holds it; rejects when unavailable. */
  take(key: string, token: string, ttlMs: number): Promise<number>;
  readonly firstBackoffMs: number;
  readonly maxBackoffMs: number;
}

/** A lease on `key`, or `LockTimeoutError` once `waitMs` passes with the key still held. */
export async function acquireWithBackoff(
  backend: AcquireBackend,
  key: string,
  options: LockOptions,
): Promise<Lease> {
  const ttlMs = Math.max(1, Math.ceil(options.ttlMs ?? DEFAULT_LOCK_TTL_MS));
  const waitMs = options.waitMs ?? 0;
  const started = performance.now();
  let backoff = backend.firstBackoffMs;
  for (;;) {
    const token = randomUUID();
    // The lease's local expiry counts from before the call, so it never outlives the backend's.
    const startedAt = performance.now();
    const fence = await backend.take(key, token, ttlMs);
    if (fence > 0) {
      const autoExtend = options.autoExtend === true;
      return new LockLease(backend, { key, token, fence, ttlMs, startedAt, autoExtend });
    }
    const remaining = waitMs - (performance.now() - started);
    if (remaining <= 0) throw new LockTimeoutError(key, Math.round(performance.now() - started));
    // Jittered and growing, so waiters on one key do not retry in step.
    await sleep(Math.min(remaining, backoff * (1 + Math.random())));
    backoff = Math.min(backend.maxBackoffMs, backoff * 2);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
