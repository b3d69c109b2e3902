/** The identity module's domain types, shared by its services and its public surface. */

/** An account as services see it (never its password hash). */
export interface Account {
  id: string;
  email: string;
  name: string;
  roles: string[];
  createdAt: Date;
}

/** What a sign-in, sign-up or refresh hands out. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
}

/** Where a session was opened from (stored with it, for the account's own review). */
export interface SessionMeta {
  ip?: string;
  userAgent?: string;
}
