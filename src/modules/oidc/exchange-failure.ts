/** Turns what openid-client throws during a code exchange into the answer the caller gets. */
import * as client from 'openid-client';
import { HttpError } from '#core';
import {
  OidcCodeRejectedError,
  OidcIdTokenInvalidError,
  OidcProviderUnavailableError,
} from './oidc.errors.js';

// The provider answered, but not with a usable response (a 5xx page, HTML): it is down for us.
const BROKEN_RESPONSE = new Set(['OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON']);

/** Whether the provider could not be reached in time (network error, timeout). */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof DOMException)
    return error.name === 'TimeoutError' || error.name === 'AbortError';
  // fetch's network failures are TypeErrors without a code (openid-client's own TypeErrors have one).
  return error instanceof TypeError && !('code' in error);
}

/**
 * 400 when the provider refused the code (its error body), 503 when it is unreachable or broken,
 * otherwise 401: a response openid-client could not verify (ID token issuer, audience, nonce,
 * expiry or signature, or a GitHub answer that is not what GitHub sends).
 */
export function exchangeFailure(error: unknown, provider: string): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof client.ResponseBodyError) return new OidcCodeRejectedError(error);
  if (isUnreachable(error)) return new OidcProviderUnavailableError(provider, error);
  if (error instanceof client.ClientError && BROKEN_RESPONSE.has(error.code ?? '')) {
    return new OidcProviderUnavailableError(provider, error);
  }
  return new OidcIdTokenInvalidError(error);
}
