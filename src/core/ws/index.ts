/** WebSocket gateways: decorators, connection hooks, the client interface and upgrade guards. */

export {
  Gateway,
  type GatewayMetadata,
  type GatewayOptions,
} from './gateway.decorator.js';
export type { OnGatewayConnection, OnGatewayDisconnect } from './gateway-hooks.js';
export {
  Subscribe,
  type SubscribeOptions,
  type SubscriptionMetadata,
  subscriptionsOf,
} from './subscribe.decorator.js';
export { InvalidFrameError, OriginNotAllowedError, UnknownEventError } from './ws.errors.js';
export { wsMessages } from './ws.messages.js';
export {
  BEARER_SUBPROTOCOL,
  handshakeBearerToken,
  selectSubprotocol,
} from './ws-bearer-token.js';
export type { WsClient } from './ws-client.js';
export { WS_CLOSE_CODES } from './ws-close-codes.js';
export type { WsHandshake } from './ws-handshake.js';
export { WS_ERROR_CODES, WsKernelError, type WsKernelErrorCode } from './ws-kernel-errors.js';
export { GATEWAY_KEY, SUBSCRIPTIONS_KEY } from './ws-metadata-keys.js';
export { WS_UPGRADE_GUARD, type WsUpgradeGuard } from './ws-upgrade-guard.js';
