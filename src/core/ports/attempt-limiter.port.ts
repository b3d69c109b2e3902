/** The attempt-limiter port: counts failures of a key (a sign-in per account, per IP) in a window. */
import { createToken, type InjectionToken } from '../di/injection-token.js';

/** How many failures a key may have in a window before it is blocked. */
export interface AttemptPolicy {
  /** Failures that block the key (the `limit`-th failure blocks it). */
  readonly limit: number;
  /** Length of the counting window, and of the first block, in milliseconds. */
  readonly windowMs: number;
}

/** Where a key stands. */
export interface AttemptState {
  /** True while the key is blocked: refuse the attempt, even with the right password. */
  readonly blocked: boolean;
  /** Milliseconds until the block ends (0 when not blocked). */
  readonly retryAfterMs: number;
  /** Failures counted in the current window. */
  readonly count: number;
}

/**
 * Counts failed attempts per key. Once `limit` failures fall in one window the key is blocked
 * until the window ends; each further lockout of the same key within 24 h doubles the block
 * (capped at 1 h). Attempts made while blocked are neither counted nor extend the block.
 */
export interface AttemptLimiter {
  /** The key's state, without counting anything. */
  peek(key: string, policy: AttemptPolicy): Promise<AttemptState>;
  /** Counts one failure (unless the key is blocked) and returns the new state. */
  fail(key: string, policy: AttemptPolicy): Promise<AttemptState>;
  /** Forgets the key's failures and block (its lockout history for the backoff stays). */
  reset(key: string): Promise<void>;
}

/** Injection token of the attempt limiter (`AttemptsModule.forRoot` provides it). */
export const ATTEMPT_LIMITER: InjectionToken<AttemptLimiter> =
  createToken<AttemptLimiter>('AttemptLimiter');

/** The longest block the backoff reaches. */
export const MAX_ATTEMPT_BLOCK_MS = 3_600_000;
/** How long a lockout is remembered for the backoff. */
export const ATTEMPT_LOCKOUT_MEMORY_MS = 86_400_000;
