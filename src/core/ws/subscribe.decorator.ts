/** `@Subscribe(event, { schema? })`: routes a WebSocket frame's event to a gateway method. */
import type { ZodType } from 'zod';
import { badEventName, duplicateSubscription } from './ws-kernel-errors.js';
import { SUBSCRIPTIONS_KEY } from './ws-metadata-keys.js';

/** Options of one subscription. */
export interface SubscribeOptions {
  /** Validates (and transforms) the frame's `data`; a failure answers a VALIDATION_FAILED frame. */
  schema?: ZodType;
}

/** One `@Subscribe` of a gateway class. */
export interface SubscriptionMetadata {
  event: string;
  methodName: string;
  schema?: ZodType;
}

function ownSubscriptions(gateway: Function): readonly SubscriptionMetadata[] {
  return (Reflect.getOwnMetadata(SUBSCRIPTIONS_KEY, gateway) as SubscriptionMetadata[]) ?? [];
}

/** Every subscription of `gateway`; a subclass's handler of an event replaces the inherited one. */
export function subscriptionsOf(gateway: Function): SubscriptionMetadata[] {
  const byEvent = new Map<string, SubscriptionMetadata>();
  const chain: Function[] = [];
  for (let cls = gateway; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    chain.unshift(cls);
  }
  for (const cls of chain) {
    for (const sub of ownSubscriptions(cls)) byEvent.set(sub.event, sub);
  }
  return [...byEvent.values()];
}

/**
 * Handles frames `{ "event": event, "data": ... }`. The method is called as
 * `method(data, client)`; a return value other than `undefined` is sent back as
 * `{ event, data: result }`.
 */
export function Subscribe(event: string, options: SubscribeOptions = {}): MethodDecorator {
  if (!event || event === 'error') {
    throw badEventName(event);
  }
  return (target, propertyKey) => {
    const gateway = target.constructor;
    const existing = ownSubscriptions(gateway);
    if (existing.some((sub) => sub.event === event && sub.methodName !== String(propertyKey))) {
      throw duplicateSubscription(gateway.name, event);
    }
    const entry: SubscriptionMetadata = { event, methodName: String(propertyKey) };
    if (options.schema) entry.schema = options.schema;
    Reflect.defineMetadata(SUBSCRIPTIONS_KEY, [...existing, entry], gateway);
  };
}
