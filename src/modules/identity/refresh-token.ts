/** Opaque refresh tokens: 32 random bytes (base64url) handed out once, stored only as a hash. */
import { createHash, randomBytes } from 'node:crypto';

/** A new refresh token and the hash that is stored for it. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

/** SHA-256 of the token, base64url: what `refresh_tokens.token_hash` holds. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
