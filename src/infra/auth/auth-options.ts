/** `AuthModule.forRoot(options)`: issuer, audience, lifetimes, where the signing keys come from. */
import { createToken, type InjectionToken } from '#core';

/** Signature algorithms Keel signs and accepts (pinned: never `none`, never HS*). */
export const SIGNING_ALGORITHMS = ['EdDSA', 'ES256'] as const;
/** One of `SIGNING_ALGORITHMS`. */
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** Where the private signing keys are read from (the first that holds keys wins). */
export interface AuthKeySource {
  /** A JWK or `{ "keys": [...] }` of private JWKs, as `npm run gen:keys -- --env` prints. */
  privateKeys?: string;
  /** A folder of `<kid>.json` private JWK files, as `npm run gen:keys` writes. */
  dir?: string;
  /**
   * With no key configured: `file` writes one key into `dir` (development), `memory` keeps one
   * for this process only (tests), `false` fails the boot (production: workers must share keys).
   */
  generateIfMissing?: 'file' | 'memory' | false;
  /** Algorithm of a generated key. Default EdDSA. */
  algorithm?: SigningAlgorithm;
}

/** An outside identity provider whose tokens are accepted too (verified against its JWKS). */
export interface ExternalIssuerOptions {
  /** Its `jwks_uri`. */
  jwksUrl: string;
  /** Its `iss`; tokens are routed to it by this claim. */
  issuer: string;
  /** Expected `aud` (default: the app's audience). */
  audience?: string;
  /** Per fetch of the key set. Default 3000 ms. */
  timeoutMs?: number;
  /** A token with an unknown `kid` refetches the set at most this often. Default 30000 ms. */
  cooldownMs?: number;
  /** How long a fetched set is trusted. Default 600000 ms. */
  cacheMaxAgeMs?: number;
}

/** Options of `AuthModule.forRoot`. */
export interface AuthModuleOptions {
  /** `iss` of the tokens this app signs (AUTH_ISSUER). */
  issuer: string;
  /** `aud` of the tokens this app signs and accepts (AUTH_AUDIENCE). */
  audience: string;
  /** Access-token lifetime in seconds (AUTH_ACCESS_TTL). Default 900. */
  accessTtlSeconds?: number;
  /** Accepted clock difference for `exp`, `nbf` and `iat`. Default 5 s. */
  clockToleranceSeconds?: number;
  keys: AuthKeySource;
  external?: ExternalIssuerOptions;
}

/** The options with every default applied. */
export interface ResolvedAuthOptions extends AuthModuleOptions {
  accessTtlSeconds: number;
  clockToleranceSeconds: number;
}

/** Token of the resolved options. */
export const AUTH_OPTIONS: InjectionToken<ResolvedAuthOptions> =
  createToken<ResolvedAuthOptions>('AuthOptions');

/** Applies the defaults. */
export function resolveAuthOptions(options: AuthModuleOptions): ResolvedAuthOptions {
  return {
    ...options,
    accessTtlSeconds: options.accessTtlSeconds ?? 900,
    clockToleranceSeconds: options.clockToleranceSeconds ?? 5,
  };
}
