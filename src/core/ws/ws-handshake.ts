/** The upgrade request as gateways and upgrade guards see it, without Fastify types. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Type } from '../di/injection-token.js';

/** The HTTP request that asked for the WebSocket upgrade. */
export interface WsHandshake {
  /** The request URL (path and query string). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /**
   * The parsed query string. Never read a long-lived credential from it (query strings land in
   * access logs and browser history): AuthModule accepts only a single-use `?ticket=` there.
   */
  readonly query: Readonly<Record<string, unknown>>;
  /** The client address (honours `trustProxy`). */
  readonly ip: string;
  /**
   * The `@Gateway` class the upgrade is for, so a guard can read its metadata (for instance
   * `@Public()` through `Reflector`).
   */
  readonly gateway: Type;
  /**
   * Copied into the connection's `client.data`. Upgrade guards store the verified `Principal`
   * under `principal`: handlers then read it from `RequestContext.current()?.principal`, and
   * the connection is closed with 4401 (`WS_CLOSE_CODES.TOKEN_EXPIRED`) at its `expiresAt`.
   */
  readonly data: Map<string, unknown>;
}
