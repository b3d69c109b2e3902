/** IdempotencyModule's settings as the interceptor reads them (defaults applied). */
import { createToken } from '#core';

/** What the interceptor needs from `IdempotencyModule.forRoot`. */
export interface ResolvedIdempotencyOptions {
  retentionMs: number;
  lockMs: number;
  allUnsafeMethods: boolean;
}

/** Injection token of the resolved options. */
export const IDEMPOTENCY_OPTIONS = createToken<ResolvedIdempotencyOptions>('IdempotencyOptions');

/** 24 hours: how long responses are kept for retries by default. */
export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** 60 seconds: how long a claim lives when its run neither completes nor releases it. */
export const DEFAULT_LOCK_MS = 60_000;
