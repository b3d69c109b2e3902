/** Subscribes every `@OnEvent` method to the bus at boot and unsubscribes at shutdown. */

import type { OnApplicationShutdown, OnModuleInit } from '#core';
import {
  type BusEnvelope,
  DiscoveryService,
  Inject,
  Injectable,
  MESSAGE_BUS,
  type MessageBus,
} from '#core';
import { ON_EVENT_METADATA, type OnEventMetadata } from '#core/internal';

type EventMethod = (payload: unknown, envelope: BusEnvelope) => unknown;

/** Runs after the bus connected (it depends on it) and stops before the bus closes. */
@Injectable()
export class OnEventExplorer implements OnModuleInit, OnApplicationShutdown {
  private unsubscribes: Array<() => Promise<void>> = [];

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  /** Subscribes each decorated method to each of its topics. */
  async onModuleInit(): Promise<void> {
    const methods = this.discovery.getMethodsWithMetadata<OnEventMetadata>(ON_EVENT_METADATA);
    const subscriptions = methods.flatMap(({ instance, methodName, metadata }) =>
      metadata.topics.map((topic) =>
        this.bus.subscribe(topic, (payload, envelope) => {
          // Looked up per message, so a method replaced after boot (a spy) is the one called.
          const method = Reflect.get(instance, methodName) as EventMethod;
          return method.call(instance, payload, envelope) as void | Promise<void>;
        }),
      ),
    );
    this.unsubscribes = await Promise.all(subscriptions);
  }

  /** Removes every subscription made at boot. */
  async onApplicationShutdown(): Promise<void> {
    const unsubscribes = this.unsubscribes;
    this.unsubscribes = [];
    await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
  }
}
