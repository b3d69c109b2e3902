/** `@OnEvent('user.created')`: subscribes a provider method to a message-bus topic. */
import 'reflect-metadata';
import { eventWithoutTopic } from './event-kernel-errors.js';

/** Metadata key: the topics a method listens to. */
export const ON_EVENT_METADATA = Symbol('keel:on-event');

/** What `@OnEvent` stores on a method (one entry per decorator). */
export interface OnEventMetadata {
  topics: readonly string[];
}

/**
 * Marks a method `(payload, envelope) => void | Promise<void>` as a handler of `topic`. It only
 * stores metadata: the bus module finds these methods at boot and subscribes them.
 */
export function OnEvent(topic: string): MethodDecorator {
  if (!topic) throw eventWithoutTopic();
  return (target, propertyKey) => {
    const existing = Reflect.getOwnMetadata(ON_EVENT_METADATA, target, propertyKey) as
      | OnEventMetadata
      | undefined;
    const topics = [...(existing?.topics ?? []), topic];
    Reflect.defineMetadata(
      ON_EVENT_METADATA,
      { topics } satisfies OnEventMetadata,
      target,
      propertyKey,
    );
  };
}
