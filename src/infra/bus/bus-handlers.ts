/** The handlers of each topic, and a dispatch that isolates their failures. */
import type { BusEnvelope, BusHandler, Logger } from '#core';

/** What `add` reports: whether the topic was new, and how to remove the handler. */
export interface HandlerRegistration {
  firstForTopic: boolean;
  /** Removes the handler; returns `true` when it was the topic's last one. */
  remove(): boolean;
}

/** Handlers by topic, for one bus instance. */
export class BusHandlers {
  private readonly byTopic = new Map<string, Set<BusHandler>>();

  constructor(private readonly logger: Logger) {}

  /** Registers `handler` (each call is a separate subscription, even for the same function). */
  add(topic: string, handler: BusHandler): HandlerRegistration {
    let handlers = this.byTopic.get(topic);
    const firstForTopic = !handlers;
    if (!handlers) {
      handlers = new Set();
      this.byTopic.set(topic, handlers);
    }
    // A fresh wrapper per subscription, so subscribing one function twice needs two removals.
    const entry: BusHandler = (payload, envelope) => handler(payload, envelope);
    handlers.add(entry);
    let removed = false;
    const remove = () => {
      if (removed) return false;
      removed = true;
      handlers.delete(entry);
      if (handlers.size > 0 || this.byTopic.get(topic) !== handlers) return false;
      this.byTopic.delete(topic);
      return true;
    };
    return { firstForTopic, remove };
  }

  /** The topics that have handlers. */
  topics(): string[] {
    return [...this.byTopic.keys()];
  }

  /** Calls every handler of the envelope's topic; a failure is logged and never stops the rest. */
  dispatch(envelope: BusEnvelope): void {
    for (const handler of this.byTopic.get(envelope.topic) ?? []) {
      try {
        Promise.resolve(handler(envelope.payload, envelope)).catch((error: unknown) =>
          this.reportFailure(envelope, error),
        );
      } catch (error) {
        this.reportFailure(envelope, error);
      }
    }
  }

  /** Drops every handler. */
  clear(): void {
    this.byTopic.clear();
  }

  private reportFailure(envelope: BusEnvelope, error: unknown): void {
    const { id, topic, source } = envelope;
    this.logger.error(
      { err: error, topic, messageId: id, source },
      `bus handler for '${topic}' failed`,
    );
  }
}
