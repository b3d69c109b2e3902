/** AuthModule's developer errors (codes in docs/errors.md) and the 401/403 it answers. */
import { ForbiddenError, KeelError, UnauthorizedError } from '#core';

/** Codes of AuthModule configuration errors. */
export const AUTH_ERROR_CODES = {
  NO_KEYS: 'KEEL_AUTH_NO_KEYS',
  BAD_KEY: 'KEEL_AUTH_BAD_KEY',
} as const;

/** One of `AUTH_ERROR_CODES`. */
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[keyof typeof AUTH_ERROR_CODES];

/** AuthModule was configured in a way it cannot sign or verify with. */
export class AuthConfigError extends KeelError<AuthErrorCode> {}

/** No signing key configured where the app may not generate one. */
export function noSigningKeys(dir: string | undefined): AuthConfigError {
  const where = dir === undefined ? 'AUTH_PRIVATE_KEY is unset' : `no key in ${dir}`;
  return new AuthConfigError(
    AUTH_ERROR_CODES.NO_KEYS,
    `AuthModule: no signing key (${where}). Every worker must sign with the same keys.\n` +
      '  Fix: run `npm run gen:keys` (writes AUTH_KEYS_DIR) or `npm run gen:keys -- --env` and set ' +
      'AUTH_PRIVATE_KEY to what it prints.',
  );
}

/** A key file or AUTH_PRIVATE_KEY that is not a usable private JWK (its content is never shown). */
export function badKeyMaterial(where: string, problem: string, cause?: unknown): AuthConfigError {
  return new AuthConfigError(
    AUTH_ERROR_CODES.BAD_KEY,
    `AuthModule: the signing key in ${where} ${problem}.\n` +
      '  Fix: replace it with a key written by `npm run gen:keys` (a private EdDSA or ES256 JWK with "kid").',
    cause === undefined ? undefined : { cause },
  );
}

/** Why a token was refused; only `expired` changes the message the client reads. */
export type TokenProblem = 'missing' | 'invalid' | 'expired';

/** 401 UNAUTHORIZED with the RFC 6750 challenge (no error code when no token was sent). */
export class InvalidTokenError extends UnauthorizedError {
  constructor(
    readonly problem: TokenProblem,
    realm: string,
    cause?: unknown,
  ) {
    const challenge =
      problem === 'missing'
        ? `Bearer realm="${realm}"`
        : `Bearer realm="${realm}", error="invalid_token", error_description="${
            problem === 'expired' ? 'The access token expired' : 'The access token is invalid'
          }"`;
    super({
      messageKey: problem === 'missing' ? 'errors.UNAUTHORIZED' : `auth.token.${problem}`,
      headers: { 'www-authenticate': challenge },
      cause,
    });
  }
}

/** 403 FORBIDDEN: the token lacks a scope (`WWW-Authenticate: ... insufficient_scope`). */
export class InsufficientScopeError extends ForbiddenError {
  constructor(realm: string, scopes: readonly string[]) {
    super({
      messageKey: 'auth.scope.missing',
      params: { scopes: scopes.join(' ') },
      headers: {
        'www-authenticate': `Bearer realm="${realm}", error="insufficient_scope", scope="${scopes.join(' ')}"`,
      },
    });
  }
}
