/** The WsServer port: emits fan out through the message bus to every process's connections. */

import type {
  BeforeApplicationShutdown,
  OnModuleInit,
  WsEmitter,
  WsServer,
  WsTargets,
} from '#core';
import { Inject, Injectable, MESSAGE_BUS, type MessageBus, Optional } from '#core';
import { WsConnectionRegistry, type WsTarget } from './ws-connection-registry.js';
import { type ResolvedWsOptions, WS_MODULE_OPTIONS } from './ws-module-options.js';

/** What travels on the bus topic. */
interface WsBroadcast {
  target: WsTarget;
  event: string;
  data: unknown;
}

type Send = (target: WsTarget, event: string, data: unknown) => Promise<void>;

function targets(send: Send): WsTargets {
  return {
    emit: (event, data) => send({ kind: 'all' }, event, data),
    to: (room): WsEmitter => ({ emit: (event, data) => send({ kind: 'room', room }, event, data) }),
    toConnection: (id): WsEmitter => ({
      emit: (event, data) => send({ kind: 'connection', id }, event, data),
    }),
  };
}

function isBroadcast(value: unknown): value is WsBroadcast {
  const candidate = value as Partial<WsBroadcast> | null;
  return typeof candidate?.event === 'string' && typeof candidate.target?.kind === 'string';
}

/**
 * Every process subscribes to one bus topic and delivers what arrives to its own connections,
 * so an emit reaches clients wherever they are connected. Without a message bus in the app,
 * emits are delivered in this process only.
 */
@Injectable()
export class BusWsServer implements WsServer, OnModuleInit, BeforeApplicationShutdown {
  /** Delivers to this process's connections only (for events every process already receives). */
  readonly local: WsTargets;
  private readonly fanOut: WsTargets;
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly registry: WsConnectionRegistry,
    @Inject(WS_MODULE_OPTIONS) private readonly options: ResolvedWsOptions,
    @Optional() @Inject(MESSAGE_BUS) private readonly bus?: MessageBus,
  ) {
    this.local = targets(async (target, event, data) => {
      this.registry.deliver(target, event, data);
    });
    this.fanOut = targets((target, event, data) => this.publish({ target, event, data }));
  }

  async onModuleInit(): Promise<void> {
    if (!this.bus) return;
    this.unsubscribe = await this.bus.subscribe<unknown>(this.options.topic, (message) => {
      if (isBroadcast(message)) this.registry.deliver(message.target, message.event, message.data);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.();
  }

  emit(event: string, data: unknown): Promise<void> {
    return this.fanOut.emit(event, data);
  }

  to(room: string): WsEmitter {
    return this.fanOut.to(room);
  }

  toConnection(connectionId: string): WsEmitter {
    return this.fanOut.toConnection(connectionId);
  }

  private async publish(message: WsBroadcast): Promise<void> {
    if (this.bus) await this.bus.publish(this.options.topic, message);
    else this.registry.deliver(message.target, message.event, message.data);
  }
}
