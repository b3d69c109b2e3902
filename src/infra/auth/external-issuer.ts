/**
 * Tokens of an outside identity provider, verified against its remote JWKS (jose caches the
 * set, refetches on an unknown `kid` at most once per cooldown, and times each fetch out).
 */
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { Principal } from '#core';
import { InvalidTokenError } from './auth-errors.js';
import { type ExternalIssuerOptions, SIGNING_ALGORITHMS } from './auth-options.js';
import { principalOf } from './principal-of.js';
import { refusal } from './token-service.js';

/** RS256 too: outside IdPs (Auth0, Entra, Keycloak) sign with RSA; never HS* or `none`. */
const EXTERNAL_ALGORITHMS = [...SIGNING_ALGORITHMS, 'RS256', 'PS256', 'ES384'];

/** Verifies the tokens of one outside issuer. */
export class ExternalIssuer {
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  private readonly audience: string;

  constructor(
    private readonly options: ExternalIssuerOptions,
    appAudience: string,
    private readonly clockToleranceSeconds: number,
  ) {
    this.audience = options.audience ?? appAudience;
    this.jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
      timeoutDuration: options.timeoutMs ?? 3000,
      cooldownDuration: options.cooldownMs ?? 30_000,
      cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    });
  }

  /** True when the (unverified) token claims to come from this issuer. */
  claims(token: string): boolean {
    try {
      return decodeJwt(token).iss === this.options.issuer;
    } catch {
      return false;
    }
  }

  /** Verifies the token; throws InvalidTokenError (401), also when the JWKS cannot be fetched. */
  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(
        token,
        (header, input) => {
          if (typeof header.kid !== 'string') throw new InvalidTokenError('invalid', this.audience);
          return this.jwks(header, input);
        },
        {
          algorithms: EXTERNAL_ALGORITHMS,
          issuer: this.options.issuer,
          audience: this.audience,
          clockTolerance: this.clockToleranceSeconds,
          requiredClaims: ['exp', 'sub'],
        },
      );
      return principalOf(payload);
    } catch (error) {
      throw refusal(error, this.audience);
    }
  }
}
