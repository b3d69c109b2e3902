/** Connection lifecycle hooks a gateway may implement. */
import type { WsClient } from './ws-client.js';
import type { WsHandshake } from './ws-handshake.js';

/**
 * Called once per new connection, before any of its frames is handled. Throwing an HttpError
 * sends its error frame and closes the connection (1008); any other error closes it with 1011.
 */
export interface OnGatewayConnection {
  handleConnection(client: WsClient, request: WsHandshake): void | Promise<void>;
}

/** Called once when a connection closed, whoever closed it; the client already left its rooms. */
export interface OnGatewayDisconnect {
  handleDisconnect(client: WsClient): void | Promise<void>;
}
