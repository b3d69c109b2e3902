/** Resolves a route's `@RateLimit` metadata (or the default policy) into one checked policy. */
import type { Type } from '#core';
import type { RateLimitKey, RateLimitMetadata, RateLimitOptions } from './rate-limit.decorator.js';
import { badRateLimitPolicy, unknownRateLimitPolicy } from './rate-limit-errors.js';

/** A limit/window pair (`forRoot({ defaultPolicy })`). */
export interface RateLimitWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** What `RateLimitModule.forRoot` configures, as the guard reads it. */
export interface RateLimitSettings {
  readonly defaultPolicy?: RateLimitWindow | undefined;
  readonly policies: Readonly<Record<string, RateLimitOptions>>;
  readonly failOpen: boolean;
}

/** A route's effective policy: everything decided, headers precomputed. */
export interface ResolvedPolicy {
  /** Namespace of the counts and the policy name of the headers. */
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  readonly key: RateLimitKey;
  readonly failOpen: boolean;
  /** The name as an sf-string, as both headers carry it. */
  readonly quotedName: string;
  /** The `RateLimit-Policy` header value. */
  readonly policyHeader: string;
}

/** The name of the policy `forRoot({ defaultPolicy })` applies. */
export const DEFAULT_POLICY_NAME = 'default';

/** Throws `KEEL_RATE_LIMIT_BAD_POLICY` unless `limit >= 1` and `windowMs >= 1` are integers. */
export function checkWindow(where: string, policy: RateLimitWindow): void {
  const { limit, windowMs } = policy;
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(windowMs) || windowMs < 1) {
    throw badRateLimitPolicy(where, limit, windowMs);
  }
}

/** The route's policy, `undefined` when it is not limited; throws at boot on an unknown name. */
export function resolvePolicy(
  meta: RateLimitMetadata | undefined,
  target: { cls: Type; handler: Function },
  settings: RateLimitSettings,
): ResolvedPolicy | undefined {
  const route = `${target.cls.name}.${target.handler.name}`;
  if (meta === false) return undefined;
  if (meta === undefined) {
    const fallback = settings.defaultPolicy;
    return fallback ? build(DEFAULT_POLICY_NAME, fallback, settings) : undefined;
  }
  if (typeof meta === 'string') {
    const named = settings.policies[meta];
    if (!named) throw unknownRateLimitPolicy(route, meta, Object.keys(settings.policies));
    return build(named.name ?? meta, named, settings);
  }
  checkWindow(route, meta);
  return build(meta.name ?? route, meta, settings);
}

function build(
  name: string,
  options: RateLimitWindow & Partial<RateLimitOptions>,
  settings: RateLimitSettings,
): ResolvedPolicy {
  const { limit, windowMs } = options;
  const seconds = Math.ceil(windowMs / 1000);
  const quotedName = quote(name);
  return {
    name,
    limit,
    windowMs,
    key: options.key ?? 'ip',
    failOpen: options.failOpen ?? settings.failOpen,
    quotedName,
    policyHeader: `${quotedName};q=${limit};w=${seconds}`,
  };
}

/** An RFC 8941 sf-string (quotes and backslashes escaped, non-printable ASCII dropped). */
export function quote(name: string): string {
  const printable = name.replace(/[^\x20-\x7e]/g, '');
  return `"${printable.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
