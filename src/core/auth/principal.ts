/** Who is calling: what an authenticator proves and guards, handlers and gateways read. */

/** The authenticated caller of a request or WebSocket connection. */
export interface Principal {
  /** Subject: the account id (or the outside IdP's subject). */
  readonly sub: string;
  /** Roles checked by `@Roles(...)`. */
  readonly roles: readonly string[];
  /** OAuth scopes checked by `@Scopes(...)`. */
  readonly scopes: readonly string[];
  /** The sign-in session the token belongs to, when it has one (`sid`). */
  readonly sessionId?: string;
  /** When the credential stops being valid (epoch milliseconds); WebSocket connections close then. */
  readonly expiresAt?: number;
  /** The token's issuer (`iss`). */
  readonly issuer?: string;
  /** Every claim of the verified token, for app-specific checks. */
  readonly claims?: Readonly<Record<string, unknown>>;
}
