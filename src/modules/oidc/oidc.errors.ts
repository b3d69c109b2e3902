/** The OIDC sign-in's errors: codes clients rely on, messages from `oidc.messages.ts`. */
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  KeelError,
  NotFoundError,
  ServiceUnavailableError,
  UnauthorizedError,
} from '#core';

/** Codes of OidcModule configuration errors (listed in docs/errors.md). */
export const OIDC_ERROR_CODES = { INVALID_OPTIONS: 'KEEL_OIDC_INVALID_OPTIONS' } as const;

/** `OidcModule.forRoot` got options it cannot work with (secrets are never quoted). */
export class OidcConfigError extends KeelError<typeof OIDC_ERROR_CODES.INVALID_OPTIONS> {
  constructor(problems: readonly string[]) {
    super(
      OIDC_ERROR_CODES.INVALID_OPTIONS,
      `OidcModule.forRoot: ${problems.join('; ')}.\n` +
        '  Fix: give each provider a unique lowercase name, a client id and secret, and an issuer ' +
        'URL (presets google and github bring theirs); redirectBaseUrl is the public http(s) URL of the app.',
    );
  }
}

// A 401 must carry a challenge (RFC 9110); this one is about the sign-in, not a bearer token.
const CHALLENGE = { 'www-authenticate': 'Bearer' };

/** 404 OIDC_PROVIDER_UNKNOWN: no provider of that name is configured. */
export class OidcProviderUnknownError extends NotFoundError {
  constructor(provider: string) {
    super({
      code: 'OIDC_PROVIDER_UNKNOWN',
      messageKey: 'oidc.providerUnknown',
      params: { provider },
    });
  }
}

/** 503 SERVICE_UNAVAILABLE: the provider cannot be discovered or reached right now. */
export class OidcProviderUnavailableError extends ServiceUnavailableError {
  constructor(provider: string, cause?: unknown) {
    super({ messageKey: 'oidc.providerUnavailable', params: { provider }, cause });
  }
}

/** 400 OIDC_STATE_INVALID: missing, forged, expired, mismatched or already used state. */
export class OidcStateInvalidError extends BadRequestError {
  constructor() {
    super({ code: 'OIDC_STATE_INVALID', messageKey: 'oidc.stateInvalid' });
  }
}

/** 400 OIDC_PROVIDER_ERROR: the provider answered `error=` (the user declined, for instance). */
export class OidcProviderError extends BadRequestError {
  constructor(provider: string, error: string) {
    // Only a well-formed OAuth error code is echoed; error_description is the provider's free text.
    const code = /^[a-z_]{1,64}$/.test(error) ? error : 'invalid_request';
    super({
      code: 'OIDC_PROVIDER_ERROR',
      messageKey: 'oidc.providerError',
      params: { provider },
      details: { error: code },
    });
  }
}

/** 400 OIDC_CODE_REJECTED: the provider refused the code (expired, used, or PKCE mismatch). */
export class OidcCodeRejectedError extends BadRequestError {
  constructor(cause?: unknown) {
    super({ code: 'OIDC_CODE_REJECTED', messageKey: 'oidc.codeRejected', cause });
  }
}

/** 401 OIDC_ID_TOKEN_INVALID: issuer, audience, nonce, expiry or signature did not verify. */
export class OidcIdTokenInvalidError extends UnauthorizedError {
  constructor(cause?: unknown) {
    super({
      code: 'OIDC_ID_TOKEN_INVALID',
      messageKey: 'oidc.idTokenInvalid',
      headers: CHALLENGE,
      cause,
    });
  }
}

/** 403 OIDC_EMAIL_UNVERIFIED: no account is made from an email the provider did not verify. */
export class OidcEmailUnverifiedError extends ForbiddenError {
  constructor(provider: string) {
    super({
      code: 'OIDC_EMAIL_UNVERIFIED',
      messageKey: 'oidc.emailUnverified',
      params: { provider },
    });
  }
}

/** 409 OIDC_ACCOUNT_EXISTS: a local account has this email; it is never linked silently. */
export class OidcAccountExistsError extends ConflictError {
  constructor(provider: string, cause?: unknown) {
    super({
      code: 'OIDC_ACCOUNT_EXISTS',
      messageKey: 'oidc.accountExists',
      params: { provider },
      cause,
    });
  }
}
