/**
 * Signs and verifies the app's JWTs with jose: access tokens (`typ: at+jwt`, RFC 9068) and the
 * short-lived tokens of other purposes (WebSocket tickets, OIDC state), each with its own `typ`
 * and `aud` so that one can never pass for another.
 */
import { randomUUID } from 'node:crypto';
import { type JWTPayload, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { Inject, Injectable, type Principal } from '#core';
import { InvalidTokenError } from './auth-errors.js';
import { AUTH_OPTIONS, type ResolvedAuthOptions, SIGNING_ALGORITHMS } from './auth-options.js';
import { principalOf } from './principal-of.js';
import { SigningKeys } from './signing-keys.js';

/** Who an access token is for. */
export interface AccessTokenSubject {
  sub: string;
  roles?: readonly string[];
  scopes?: readonly string[];
  /** The sign-in session (`sid`), revoked by sign-out. */
  sessionId?: string;
  /** Extra claims (never secrets: a JWT is only signed, anyone can read it). */
  claims?: Record<string, unknown>;
}

/** An issued access token. */
export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until it expires. */
  expiresIn: number;
}

/** A token of another purpose than access. */
export interface PurposeToken {
  /** Its `typ` header and `aud` suffix, e.g. `ws-ticket`. */
  purpose: string;
  ttlSeconds: number;
  subject?: string;
}

const ACCESS_TYP = 'at+jwt';

/** The one place that touches the signing keys. */
@Injectable()
export class TokenService {
  constructor(
    private readonly keys: SigningKeys,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
  ) {}

  /** Access-token lifetime in seconds. */
  get accessTtlSeconds(): number {
    return this.options.accessTtlSeconds;
  }

  /** Signs an access token with the current key. */
  async issueAccessToken(subject: AccessTokenSubject): Promise<IssuedAccessToken> {
    const ttl = this.options.accessTtlSeconds;
    const payload: JWTPayload = {
      ...subject.claims,
      roles: [...(subject.roles ?? [])],
      ...(subject.scopes?.length ? { scope: subject.scopes.join(' ') } : {}),
      ...(subject.sessionId ? { sid: subject.sessionId } : {}),
    };
    const accessToken = await this.sign(payload, ACCESS_TYP, this.options.audience, {
      subject: subject.sub,
      ttlSeconds: ttl,
    });
    return { accessToken, expiresIn: ttl };
  }

  /** Verifies an access token of this app; throws InvalidTokenError (401). */
  async verifyAccessToken(token: string): Promise<Principal> {
    const payload = await this.verify(token, ACCESS_TYP, this.options.audience);
    if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string') {
      throw new InvalidTokenError('invalid', this.options.audience);
    }
    return principalOf(payload);
  }

  /** Signs a short-lived token of `purpose` (a WebSocket ticket, an OIDC state). */
  signPurpose(claims: Record<string, unknown>, token: PurposeToken): Promise<string> {
    return this.sign(claims, token.purpose, this.purposeAudience(token.purpose), token);
  }

  /** Verifies a token of `purpose`; throws InvalidTokenError (401). */
  verifyPurpose(token: string, purpose: string): Promise<JWTPayload> {
    return this.verify(token, purpose, this.purposeAudience(purpose));
  }

  private purposeAudience(purpose: string): string {
    return `${this.options.audience}#${purpose}`;
  }

  private async sign(
    payload: JWTPayload,
    typ: string,
    audience: string,
    options: { subject?: string; ttlSeconds: number },
  ): Promise<string> {
    const key = this.keys.current();
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ })
      .setIssuer(this.options.issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + options.ttlSeconds)
      .setJti(randomUUID());
    if (options.subject !== undefined) jwt.setSubject(options.subject);
    return jwt.sign(key.privateKey);
  }

  private async verify(token: string, typ: string, audience: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          const key = typeof header.kid === 'string' ? this.keys.find(header.kid) : undefined;
          // No kid, an unknown kid, or a kid whose algorithm differs: refused before any crypto.
          if (!key || header.alg !== key.alg) throw new joseErrors.JWKSNoMatchingKey();
          return key.publicKey;
        },
        {
          algorithms: [...SIGNING_ALGORITHMS],
          issuer: this.options.issuer,
          audience,
          typ,
          clockTolerance: this.options.clockToleranceSeconds,
          requiredClaims: ['exp', 'iat', 'nbf'],
          // An access token older than its lifetime is refused even if its `exp` says otherwise;
          // other purposes (a 10-minute OIDC state) have lifetimes of their own, checked by `exp`.
          ...(typ === ACCESS_TYP
            ? { maxTokenAge: this.options.accessTtlSeconds + this.options.clockToleranceSeconds }
            : {}),
        },
      );
      return payload;
    } catch (error) {
      throw refusal(error, this.options.audience);
    }
  }
}

/** The 401 for a jose failure (or any other: a token that cannot be verified is invalid). */
export function refusal(error: unknown, realm: string): InvalidTokenError {
  if (error instanceof InvalidTokenError) return error;
  const expired = error instanceof joseErrors.JWTExpired;
  return new InvalidTokenError(expired ? 'expired' : 'invalid', realm, error);
}
