/** RateLimitModule's misconfiguration errors (codes in docs/errors.md). */
import { KeelError } from '#core';

/** Codes of RateLimitModule errors. */
export const RATE_LIMIT_ERROR_CODES = {
  UNKNOWN_POLICY: 'KEEL_RATE_LIMIT_UNKNOWN_POLICY',
  BAD_POLICY: 'KEEL_RATE_LIMIT_BAD_POLICY',
} as const;

/** One of `RATE_LIMIT_ERROR_CODES`. */
export type RateLimitErrorCode =
  (typeof RATE_LIMIT_ERROR_CODES)[keyof typeof RATE_LIMIT_ERROR_CODES];

/** Thrown at boot when a route's rate limit cannot work. */
export class RateLimitConfigError extends KeelError<RateLimitErrorCode> {}

/** `@RateLimit('name')` naming a policy `forRoot({ policies })` does not define. */
export function unknownRateLimitPolicy(
  route: string,
  name: string,
  known: readonly string[],
): RateLimitConfigError {
  const names = known.length > 0 ? known.map((n) => `'${n}'`).join(', ') : '(none)';
  return new RateLimitConfigError(
    RATE_LIMIT_ERROR_CODES.UNKNOWN_POLICY,
    `@RateLimit('${name}') on ${route}: no such policy. Configured policies: ${names}.\n` +
      `  Fix: add '${name}' to RateLimitModule.forRoot({ policies }), or use one of the configured names.`,
  );
}

/** A policy whose limit or window is not a positive number. */
export function badRateLimitPolicy(
  where: string,
  limit: number,
  windowMs: number,
): RateLimitConfigError {
  return new RateLimitConfigError(
    RATE_LIMIT_ERROR_CODES.BAD_POLICY,
    `Rate limit of ${where}: limit must be an integer >= 1 and windowMs an integer >= 1, ` +
      `got limit ${limit}, windowMs ${windowMs}.\n  Fix: e.g. { limit: 100, windowMs: 60_000 }.`,
  );
}
