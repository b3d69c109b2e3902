/** The `AUTHENTICATOR` port: turns a request's credentials into a principal. */
import type { Principal } from '../auth/principal.js';
import { createToken, type InjectionToken } from '../di/injection-token.js';

/** What an authenticator is given: the credentials of one request or upgrade. */
export interface Credentials {
  /** The bearer token of the `Authorization` header (or a WebSocket's equivalent). */
  readonly bearerToken?: string;
}

/**
 * Verifies credentials. Resolves undefined when there are none, throws an HttpError (401) when
 * they are invalid. `AuthModule` provides the JWT one; `withPrincipal` swaps it in tests.
 */
export interface Authenticator {
  authenticate(credentials: Credentials): Promise<Principal | undefined>;
}

/** Token of the app's authenticator. */
export const AUTHENTICATOR: InjectionToken<Authenticator> =
  createToken<Authenticator>('Authenticator');
