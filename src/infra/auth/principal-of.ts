/** The principal a verified token's claims describe (`roles`, `scope`/`scp`, `sid`, `exp`). */
import type { JWTPayload } from 'jose';
import type { Principal } from '#core';

/** Reads the standard and Keel claims of a verified payload. */
export function principalOf(payload: JWTPayload): Principal {
  const principal: {
    -readonly [K in keyof Principal]: Principal[K];
  } = {
    sub: String(payload.sub),
    roles: strings(payload.roles),
    scopes: scopesOf(payload),
    claims: Object.freeze({ ...payload }),
  };
  if (typeof payload.sid === 'string') principal.sessionId = payload.sid;
  if (typeof payload.exp === 'number') principal.expiresAt = payload.exp * 1000;
  if (typeof payload.iss === 'string') principal.issuer = payload.iss;
  return Object.freeze(principal);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

// OAuth's `scope` is one space-separated string; some providers send a `scp` array instead.
function scopesOf(payload: JWTPayload): string[] {
  if (typeof payload.scope === 'string') return payload.scope.split(' ').filter(Boolean);
  return strings(payload.scp);
}
