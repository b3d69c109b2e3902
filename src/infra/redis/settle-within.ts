/** Waits for a promise at most `timeoutMs`, never throwing. */
import type { GuardResult } from './redis-guard.js';

/** `{ ok: true, value }` if `promise` resolves in time; `{ ok: false }` if it rejects or is late. */
export async function settleWithin<T>(
  promise: Promise<T>,
  timeoutMs: number,
): Promise<GuardResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<GuardResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false }), timeoutMs);
  });
  const settled = promise.then(
    (value): GuardResult<T> => ({ ok: true, value }),
    (): GuardResult<T> => ({ ok: false }),
  );
  const result = await Promise.race([settled, late]);
  clearTimeout(timer);
  return result;
}
