/** Redis pub/sub message bus adapter: a publisher connection and a dedicated subscriber. */
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import type { BusHandler, MessageBus, OnApplicationShutdown, OnModuleInit } from '#core';
import { createToken, Inject, Injectable, LOGGER, type Logger, Optional } from '#core';
import { RedisConnections, requireRedisConnections } from '../redis/redis-connections.js';
import { RedisGuard } from '../redis/redis-guard.js';
import { settleWithin } from '../redis/settle-within.js';
import { createEnvelope, parseEnvelope, serializeEnvelope } from './bus-envelope.js';
import { BusHandlers } from './bus-handlers.js';
import { defaultInstanceId } from './instance-id.js';

/** Settings of `RedisBus` (durations in milliseconds); the server is `RedisModule`'s. */
export interface RedisBusOptions {
  /** The envelopes' `source`. Default `<host>:<pid>:<random>`. */
  instanceId?: string;
  /** Channel namespace: topic `user.created` is channel `<prefix>user.created`. Default `keel:bus:`. */
  prefix?: string;
  /** A publish or subscribe (and its Redis command) gives up after this long. Default 500. */
  timeoutMs?: number;
  /** How long publishing skips Redis after repeated failures. Default 5000. */
  cooldownMs?: number;
}

/** Options of `RedisBus` when the container builds it. */
export const REDIS_BUS_OPTIONS = createToken<RedisBusOptions>('RedisBusOptions');

/**
 * At-most-once delivery to every subscribed process (including this one). While Redis is down
 * `publish` resolves within `timeoutMs` and drops the message; subscriptions come back on their
 * own (ioredis resubscribes after a reconnect; ones that failed are retried on `ready`).
 * Its clients (`keel:publisher:bus`, `keel:subscriber:bus`) belong to `RedisConnections`.
 */
@Injectable()
export class RedisBus implements MessageBus, OnModuleInit, OnApplicationShutdown {
  /** This process's name in `envelope.source`. */
  readonly instanceId: string;
  private readonly handlers: BusHandlers;
  private readonly guard: RedisGuard;
  private readonly pending = new Set<string>();
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;
  private closed = false;
  private readonly connections: RedisConnections;
  private readonly onMessage = (channel: string, raw: string) => this.receive(channel, raw);
  private readonly onReady = () => this.retryPending();

  constructor(
    @Inject(REDIS_BUS_OPTIONS) options: RedisBusOptions,
    @Optional() @Inject(RedisConnections) connections: RedisConnections | undefined,
    @Optional() @Inject(LOGGER) private readonly logger: Logger = pino({ level: 'warn' }),
  ) {
    this.connections = requireRedisConnections(connections, 'RedisBus');
    this.instanceId = options.instanceId ?? defaultInstanceId();
    this.prefix = options.prefix ?? 'keel:bus:';
    this.timeoutMs = options.timeoutMs ?? 500;
    this.handlers = new BusHandlers(logger);
    const { cooldownMs = 5_000 } = options;
    this.guard = new RedisGuard({
      component: 'bus',
      timeoutMs: this.timeoutMs,
      cooldownMs,
      failureThreshold: 3,
      logger,
    });
  }

  /** Waits for both connections (bounded); boot goes on without Redis if it is down. */
  async onModuleInit(): Promise<void> {
    await Promise.all([
      this.connections.ready(this.publisherClient()),
      this.connections.ready(this.subscriberClient()),
    ]);
  }

  async publish<T>(topic: string, payload: T): Promise<void> {
    if (this.closed) return;
    const message = serializeEnvelope(createEnvelope(topic, payload, this.instanceId));
    const client = this.publisherClient();
    const result = await this.guard.run(() => client.publish(this.channel(topic), message));
    if (!result.ok) this.logger.debug({ topic }, 'bus message dropped: redis unavailable');
  }

  async subscribe<T>(topic: string, handler: BusHandler<T>): Promise<() => Promise<void>> {
    const registration = this.handlers.add(topic, handler as BusHandler);
    if (registration.firstForTopic) await this.listen(this.channel(topic));
    return async () => {
      if (registration.remove()) await this.unlisten(this.channel(topic));
    };
  }

  /**
   * Drops every subscription and stops listening; later publishes go nowhere. It runs before
   * `RedisConnections` quits the clients (which it depends on), so nothing uses a closed client.
   */
  onApplicationShutdown(): void {
    this.closed = true;
    this.handlers.clear();
    this.pending.clear();
    this.subscriber?.off('message', this.onMessage).off('ready', this.onReady);
    this.publisher = undefined;
    this.subscriber = undefined;
  }

  private async listen(channel: string): Promise<void> {
    this.pending.delete(channel);
    if (this.closed) return;
    const result = await settleWithin(this.subscriberClient().subscribe(channel), this.timeoutMs);
    if (result.ok || this.closed) return;
    this.pending.add(channel);
    this.logger.warn({ channel }, 'bus cannot subscribe yet: it will when redis is reachable');
  }

  private async unlisten(channel: string): Promise<void> {
    this.pending.delete(channel);
    if (this.subscriber) await settleWithin(this.subscriber.unsubscribe(channel), this.timeoutMs);
  }

  private receive(channel: string, raw: string): void {
    const envelope = parseEnvelope(raw);
    if (!envelope || this.channel(envelope.topic) !== channel) {
      this.logger.warn({ channel, bytes: raw.length }, 'bus dropped a malformed message');
      return;
    }
    this.handlers.dispatch(envelope);
  }

  private retryPending(): void {
    const channels = [...this.pending];
    if (channels.length === 0 || !this.subscriber) return;
    this.pending.clear();
    this.subscriber.subscribe(...channels).catch(() => {
      for (const channel of channels) this.pending.add(channel);
    });
  }

  private publisherClient(): Redis {
    this.publisher ??= this.client('publisher');
    return this.publisher;
  }

  private subscriberClient(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = this.client('subscriber');
    subscriber.on('message', this.onMessage).on('ready', this.onReady);
    this.subscriber = subscriber;
    return subscriber;
  }

  private client(role: 'publisher' | 'subscriber'): Redis {
    return this.connections.get('bus', role, { commandTimeoutMs: this.timeoutMs });
  }

  private channel(topic: string): string {
    return `${this.prefix}${topic}`;
  }
}
