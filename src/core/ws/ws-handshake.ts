/** The upgrade request as gateways and upgrade guards see it, without Fastify types. */
import type { IncomingHttpHeaders } from 'node:http';

/** The HTTP request that asked for the WebSocket upgrade. */
export interface WsHandshake {
  /** The request URL (path and query string). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed query string (a token may travel in `?token=` since browsers cannot set headers). */
  readonly query: Readonly<Record<string, unknown>>;
  /** The client address (honours `trustProxy`). */
  readonly ip: string;
  /** Copied into the connection's `client.data`: upgrade guards store the principal here. */
  readonly data: Map<string, unknown>;
}
