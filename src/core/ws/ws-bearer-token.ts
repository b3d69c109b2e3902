/**
 * Where a WebSocket upgrade carries a bearer token: the `Authorization` header, or (browsers
 * cannot set headers) the subprotocols `bearer, <token>`, answered with the `bearer` subprotocol.
 */
import { extractBearerToken } from '../context/install-request-context.js';
import type { WsHandshake } from './ws-handshake.js';

/** The subprotocol that announces a token as the next offered subprotocol. */
export const BEARER_SUBPROTOCOL = 'bearer';

/** The subprotocols of a `Sec-WebSocket-Protocol` header, in the order the client offered them. */
export function offeredSubprotocols(header: string | readonly string[] | undefined): string[] {
  const values = typeof header === 'string' ? [header] : (header ?? []);
  return values.flatMap((value) => value.split(',').map((entry) => entry.trim())).filter(Boolean);
}

/** The token offered right after `bearer`, if any. */
export function subprotocolBearerToken(offered: readonly string[]): string | undefined {
  const at = offered.indexOf(BEARER_SUBPROTOCOL);
  return at === -1 ? undefined : offered[at + 1];
}

/** The handshake's bearer token: the `Authorization` header first, then the subprotocols. */
export function handshakeBearerToken(handshake: WsHandshake): string | undefined {
  const header = extractBearerToken(handshake.headers.authorization);
  if (header !== undefined) return header;
  return subprotocolBearerToken(offeredSubprotocols(handshake.headers['sec-websocket-protocol']));
}

/**
 * The subprotocol the server answers: the first offered one that is not a credential (so a token
 * is never echoed back); `bearer, <token>` alone selects `bearer`; false selects none.
 */
export function selectSubprotocol(offered: Iterable<string>): string | false {
  const list = [...offered];
  const token = subprotocolBearerToken(list);
  return list.find((protocol) => protocol !== token && !looksLikeJwt(protocol)) ?? false;
}

// A client that offers its token without the `bearer` marker must not get it echoed either.
function looksLikeJwt(protocol: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(protocol);
}
