/** Application close codes (4000-4999) Keel's WebSocket server closes connections with. */

/** Clients react to these: on `TOKEN_EXPIRED`, get a new token or ticket and reconnect. */
export const WS_CLOSE_CODES = {
  /** The principal's credential expired (`principal.expiresAt`); reason `token expired`. */
  TOKEN_EXPIRED: 4401,
} as const;
