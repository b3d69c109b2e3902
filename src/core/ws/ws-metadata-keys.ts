/** Reflect-metadata keys of the WebSocket decorators. */

/** Class metadata of `@Gateway` (a `GatewayMetadata`). */
export const GATEWAY_KEY = Symbol('keel:gateway');
/** Class metadata of `@Subscribe`: every `SubscriptionMetadata` of the class. */
export const SUBSCRIPTIONS_KEY = Symbol('keel:ws-subscriptions');
