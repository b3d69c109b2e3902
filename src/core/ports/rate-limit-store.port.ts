/** The rate-limit store port: counts requests per key in a sliding window, atomically. */
import { createToken, type InjectionToken } from '../di/injection-token.js';

/** `limit` requests per `windowMs`. */
export interface RateLimitPolicy {
  readonly limit: number;
  readonly windowMs: number;
}

/** The store's answer for one request. */
export interface RateLimitDecision {
  /** False: refuse the request (429). A refused request is not counted. */
  readonly allowed: boolean;
  readonly limit: number;
  /** Requests still allowed now (after this one when allowed). */
  readonly remaining: number;
  /** Milliseconds until the quota is fully available again (`RateLimit`'s `t`). */
  readonly resetMs: number;
  /** Milliseconds until a request would be allowed (0 when allowed; `Retry-After`). */
  readonly retryAfterMs: number;
}

/**
 * Counts hits per key with a sliding-window counter (the current fixed window plus the previous
 * one weighted by how much of it still overlaps), so no window edge lets twice the limit through.
 * Rejects with `RateLimitUnavailableError` when the backend cannot answer; the caller decides
 * whether to let the request through (`failOpen`).
 */
export interface RateLimitStore {
  /** Counts one hit of `key` unless that would exceed the policy. */
  consume(key: string, policy: RateLimitPolicy): Promise<RateLimitDecision>;
  /** Forgets the key's counts. */
  reset(key: string): Promise<void>;
}

/** Injection token of the rate-limit store (`RateLimitModule.forRoot` provides it). */
export const RATE_LIMIT_STORE: InjectionToken<RateLimitStore> =
  createToken<RateLimitStore>('RateLimitStore');

/** Why a store could not answer (Redis down or too slow). */
export class RateLimitUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('the rate-limit store did not answer', { cause });
    this.name = 'RateLimitUnavailableError';
  }
}
