/** `@RateLimit(options | policyName | false)`: limits a route or every route of a controller. */
import type { ExecutionContext } from '#core';
import { SetMetadata } from '#core';

/** Who a count belongs to: the client IP, the caller (IP when anonymous), or your own key. */
export type RateLimitKey = 'ip' | 'user' | ((context: ExecutionContext) => string);

/** One rate-limit policy: `limit` requests per `windowMs`, counted per `key`. */
export interface RateLimitOptions {
  readonly limit: number;
  readonly windowMs: number;
  /** Default `'ip'`. `'user'` needs the auth guard to run first (import RateLimitModule after AuthModule). */
  readonly key?: RateLimitKey;
  /** Store unavailable: true lets the request through, false answers 503. Default: the module's. */
  readonly failOpen?: boolean;
  /** Names the count (routes sharing a name share counts) and the `RateLimit` header's policy. */
  readonly name?: string;
}

/** What `@RateLimit` stores: inline options, a policy name from `forRoot({ policies })`, or opt-out. */
export type RateLimitMetadata = RateLimitOptions | string | false;

/** Metadata key of `@RateLimit`. */
export const RATE_LIMIT_METADATA = Symbol('keel:rate-limit');

/**
 * Limits the decorated route (or every route of the decorated class; a method's decorator
 * overrides its class's). `false` opts a route out, also of `forRoot({ defaultPolicy })`.
 */
export function RateLimit(policy: RateLimitMetadata): ClassDecorator & MethodDecorator {
  return SetMetadata<RateLimitMetadata>(RATE_LIMIT_METADATA, policy);
}
