/** The identity module's errors: codes clients rely on, messages from `identity.messages.ts`. */
import { ConflictError, TooManyRequestsError, UnauthorizedError } from '#core';

// A 401 must carry a challenge (RFC 9110); these are about credentials, not a bearer token.
const CHALLENGE = { 'www-authenticate': 'Bearer' };

/** 401 INVALID_CREDENTIALS: unknown email, wrong password or an account without one (one message). */
export class InvalidCredentialsError extends UnauthorizedError {
  constructor() {
    super({
      code: 'INVALID_CREDENTIALS',
      messageKey: 'identity.invalidCredentials',
      headers: CHALLENGE,
    });
  }
}

/** 409 EMAIL_TAKEN: an account already has this email. */
export class EmailTakenError extends ConflictError {
  constructor(cause?: unknown) {
    super({
      code: 'EMAIL_TAKEN',
      messageKey: 'identity.emailTaken',
      details: { field: 'email' },
      cause,
    });
  }
}

/** 401 REFRESH_TOKEN_REUSED: a used refresh token came back; its whole session is revoked. */
export class RefreshTokenReusedError extends UnauthorizedError {
  constructor() {
    super({
      code: 'REFRESH_TOKEN_REUSED',
      messageKey: 'identity.refreshReused',
      headers: CHALLENGE,
    });
  }
}

/** 401 INVALID_REFRESH_TOKEN: unknown, expired, or its session was signed out. */
export class InvalidRefreshTokenError extends UnauthorizedError {
  constructor() {
    super({
      code: 'INVALID_REFRESH_TOKEN',
      messageKey: 'identity.refreshInvalid',
      headers: CHALLENGE,
    });
  }
}

/** 401 ACCOUNT_NOT_FOUND: a valid token whose account no longer exists. */
export class AccountGoneError extends UnauthorizedError {
  constructor() {
    super({ code: 'ACCOUNT_NOT_FOUND', messageKey: 'identity.accountGone', headers: CHALLENGE });
  }
}

/** 401 SESSION_REVOKED: the access token's session was signed out (the identity routes check it). */
export class SessionRevokedError extends UnauthorizedError {
  constructor() {
    super({ code: 'SESSION_REVOKED', messageKey: 'identity.sessionRevoked', headers: CHALLENGE });
  }
}

/** 409 IDENTITY_ALREADY_LINKED: this outside identity belongs to another account. */
export class IdentityAlreadyLinkedError extends ConflictError {
  constructor(provider: string) {
    super({
      code: 'IDENTITY_ALREADY_LINKED',
      messageKey: 'identity.alreadyLinked',
      params: { provider },
    });
  }
}

/** 429 TOO_MANY_REQUESTS with `Retry-After` (whole seconds, rounded up). */
export class TooManySignInAttemptsError extends TooManyRequestsError {
  constructor(retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super({
      messageKey: 'identity.tooManyAttempts',
      params: { seconds },
      details: { retryAfterSeconds: seconds },
      headers: { 'retry-after': String(seconds) },
    });
  }
}
