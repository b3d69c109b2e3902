/** The message bus port: publish/subscribe between providers and processes. */
import type { InjectionToken } from '../di/injection-token.js';

/** What a subscriber receives. */
export interface BusEnvelope<T = unknown> {
  id: string;
  topic: string;
  payload: T;
  /** ISO-8601 time of publication. */
  time: string;
  /** The instance (process) that published it. */
  source: string;
}

/** A subscriber callback; its failures are logged and never reach other handlers. */
export type BusHandler<T = unknown> = (
  payload: T,
  envelope: BusEnvelope<T>,
) => void | Promise<void>;

/** Pub/sub; delivery is at-most-once. */
export interface MessageBus {
  publish<T>(topic: string, payload: T): Promise<void>;
  /** Returns a function that removes the subscription. */
  subscribe<T>(topic: string, handler: BusHandler<T>): Promise<() => Promise<void>>;
}

/** Injection token of the message bus port. */
export const MESSAGE_BUS: InjectionToken<MessageBus> = Symbol('MessageBus');
