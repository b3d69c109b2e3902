/** `withLock(lock, key, fn)`: runs `fn` while holding `key`, and always gives the lock back. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Lease, Lock, LockOptions } from '#core';

const CURRENT = new AsyncLocalStorage<Lease>();

/**
 * Acquires `key` (rejecting as `lock.acquire` does), runs `fn` with the lease and releases it
 * however `fn` ends. Pass `lease.fence` to what `fn` writes; stop when `lease.signal` aborts.
 * A failed release is not reported over `fn`'s outcome: the key frees itself at its TTL.
 */
export async function withLock<T>(
  lock: Lock,
  key: string,
  fn: (lease: Lease) => Promise<T> | T,
  options?: LockOptions,
): Promise<T> {
  const lease = await lock.acquire(key, options);
  try {
    return await CURRENT.run(lease, () => fn(lease));
  } finally {
    await lease.release().catch(() => false);
  }
}

/** The innermost lease taken by `withLock` or `@WithLock` in this async context, if any. */
export function currentLease(): Lease | undefined {
  return CURRENT.getStore();
}
