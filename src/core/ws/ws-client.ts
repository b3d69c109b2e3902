/** What a gateway sees of one WebSocket connection. */
import type { Lang } from '../i18n/languages.js';

/** One connected client; `send` and room changes act on this process's connection only. */
export interface WsClient {
  /** Unique connection id (target of `WsServer.toConnection(id)`). */
  readonly id: string;
  /** The language negotiated on the upgrade request (`?lang=`, then `Accept-Language`). */
  readonly lang: Lang;
  /** The request id of the upgrade request, shared by every frame of the connection. */
  readonly requestId: string;
  /** The rooms this connection joined. */
  readonly rooms: ReadonlySet<string>;
  /** Per-connection state, e.g. the principal an upgrade guard put in the handshake. */
  readonly data: Map<string, unknown>;
  /** Sends `{ event, data }`; does nothing once the connection is closing. */
  send(event: string, data: unknown): void;
  /** Adds the connection to `room`. */
  join(room: string): void;
  /** Removes the connection from `room`. */
  leave(room: string): void;
  /** Closes the connection (default 1000, normal closure). */
  close(code?: number, reason?: string): void;
}
