/** `IdentityModule.forRoot(options)`: refresh-token lifetime, argon2id cost, sign-in limits. */
import { createToken, type InjectionToken } from '#core';

/** argon2id cost (OWASP's minimum by default: 19 MiB, 2 iterations, 1 lane). */
export interface Argon2Options {
  memoryKib: number;
  iterations: number;
  parallelism: number;
}

/** Failed sign-ins allowed per account and per client IP in each window. */
export interface SignInLimits {
  maxAttempts: number;
  ipMaxAttempts: number;
  windowSeconds: number;
}

/** Options of `IdentityModule.forRoot`; every field has a default. */
export interface IdentityModuleOptions {
  /** Refresh-token lifetime in seconds (AUTH_REFRESH_TTL). Default 30 days. */
  refreshTtlSeconds?: number;
  argon2?: Partial<Argon2Options>;
  signIn?: Partial<SignInLimits>;
}

/** The options with every default applied. */
export interface ResolvedIdentityOptions {
  refreshTtlSeconds: number;
  argon2: Argon2Options;
  signIn: SignInLimits;
}

/** Token of the resolved options. */
export const IDENTITY_OPTIONS: InjectionToken<ResolvedIdentityOptions> =
  createToken<ResolvedIdentityOptions>('IdentityOptions');

/** Applies the defaults. */
export function resolveIdentityOptions(
  options: IdentityModuleOptions = {},
): ResolvedIdentityOptions {
  return {
    refreshTtlSeconds: options.refreshTtlSeconds ?? 30 * 86_400,
    argon2: { memoryKib: 19_456, iterations: 2, parallelism: 1, ...definedOnly(options.argon2) },
    signIn: {
      maxAttempts: 10,
      ipMaxAttempts: 100,
      windowSeconds: 60,
      ...definedOnly(options.signIn),
    },
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
