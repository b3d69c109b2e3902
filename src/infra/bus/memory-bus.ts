/** In-process message bus adapter: delivery on a later tick, like Redis pub/sub. */
import { pino } from 'pino';
import type { BusHandler, MessageBus, OnApplicationShutdown } from '#core';
import { createToken, Inject, Injectable, LOGGER, type Logger, Optional } from '#core';
import { createEnvelope, parseEnvelope, serializeEnvelope } from './bus-envelope.js';
import { BusHandlers } from './bus-handlers.js';
import { defaultInstanceId } from './instance-id.js';

/** Settings of `MemoryBus`. */
export interface MemoryBusOptions {
  /** The envelopes' `source`. Default `<host>:<pid>:<random>`. */
  instanceId?: string;
}

/** Options of `MemoryBus` when the container builds it. */
export const MEMORY_BUS_OPTIONS = createToken<MemoryBusOptions>('MemoryBusOptions');

/**
 * Messages go through JSON like on Redis, so handlers get equal copies on both adapters, and
 * `publish` resolves before any handler runs: code that works here works across processes.
 */
@Injectable()
export class MemoryBus implements MessageBus, OnApplicationShutdown {
  /** This process's name in `envelope.source`. */
  readonly instanceId: string;
  private readonly handlers: BusHandlers;
  private closed = false;

  constructor(
    @Optional() @Inject(MEMORY_BUS_OPTIONS) options: MemoryBusOptions = {},
    @Optional() @Inject(LOGGER) logger: Logger = pino({ level: 'warn' }),
  ) {
    this.instanceId = options.instanceId ?? defaultInstanceId();
    this.handlers = new BusHandlers(logger);
  }

  async publish<T>(topic: string, payload: T): Promise<void> {
    if (this.closed) return;
    const message = serializeEnvelope(createEnvelope(topic, payload, this.instanceId));
    setImmediate(() => {
      const envelope = parseEnvelope(message);
      if (envelope) this.handlers.dispatch(envelope);
    });
  }

  async subscribe<T>(topic: string, handler: BusHandler<T>): Promise<() => Promise<void>> {
    const registration = this.handlers.add(topic, handler as BusHandler);
    return async () => {
      registration.remove();
    };
  }

  /** Drops every subscription; later publications go nowhere. */
  onApplicationShutdown(): void {
    this.closed = true;
    this.handlers.clear();
  }
}
