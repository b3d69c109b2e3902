/** The lock port: one holder at a time per key across every process, with fencing tokens. */
import { createToken, type InjectionToken } from '../di/injection-token.js';

/** How to take a lock (milliseconds). */
export interface LockOptions {
  /** How long the lease lasts unless extended. Default 30000. */
  ttlMs?: number;
  /** How long `acquire` keeps trying while another holder has the key. Default 0 (one try). */
  waitMs?: number;
  /** Renew the lease at a third of `ttlMs` until it is released (a failed renewal aborts `signal`). */
  autoExtend?: boolean;
}

/** A held lock. Once `signal` aborts, the lease is lost: stop, another holder may run now. */
export interface Lease {
  readonly key: string;
  /** Random per acquisition: release and extend act only while it still matches. */
  readonly token: string;
  /**
   * Grows strictly with every successful acquisition of `key`, across processes. Pass it to the
   * resource you write (`lock.assertFence`, a fenced UPDATE) so a holder whose lease expired while
   * it was paused cannot overwrite what a newer holder wrote.
   */
  readonly fence: number;
  /** Aborts (reason `LockLostError`) when the lease is found lost or expires unrenewed. */
  readonly signal: AbortSignal;
  /** Gives the lock up; false when it had already been lost. Idempotent. */
  release(): Promise<boolean>;
  /** Pushes the expiry to `ttlMs` from now (default: the acquire TTL); `LockLostError` if lost. */
  extend(ttlMs?: number): Promise<void>;
}

/**
 * Mutual exclusion per key. `acquire` resolves a `Lease`, or rejects with `LockTimeoutError`
 * (another holder kept the key past `waitMs`) or `LockUnavailableError` (the backend cannot
 * answer: never waits for ever, never pretends to hold the lock).
 */
export interface Lock {
  acquire(key: string, options?: LockOptions): Promise<Lease>;
  /**
   * Resolves while `fence` is the newest one issued for `key`; rejects with `StaleFenceError`
   * once a later acquisition has happened (the caller's lease is no longer the current one).
   */
  assertFence(key: string, fence: number): Promise<void>;
}

/** Injection token of the lock port (`LockModule.forRoot` provides it). */
export const LOCK: InjectionToken<Lock> = createToken<Lock>('Lock');
