/** RedisBus across instances and through outages of a private redis-server. */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BusEnvelope } from '../../../src/core/ports/message-bus.port.js';
import { RedisBus } from '../../../src/infra/bus/redis-bus.js';
import { RedisConnections } from '../../../src/infra/redis/redis-connections.js';
import { PrivateRedisServer, privateRedisAvailable } from '../../helpers/redis-server.js';
import { type CapturedLogger, captureLogger } from '../redis/capture-logger.js';

const CALL_BOUND_MS = 1_000;
// Generous bound on waiting for a delivery, so a broken case fails instead of hanging.
const DELIVERY = { timeout: 15_000, interval: 50 };

describe.runIf(privateRedisAvailable('RedisBus'))('RedisBus', () => {
  let server: PrivateRedisServer;
  const opened: Array<{ bus: RedisBus; connections: RedisConnections }> = [];

  // Each bus has connections of its own, as each process of a cluster has.
  const openBus = async (log: CapturedLogger = captureLogger(), instanceId?: string) => {
    const connections = new RedisConnections(
      { url: server.url, connectTimeoutMs: 500 },
      log.logger,
    );
    const options = { prefix: 'bus-test:', instanceId, cooldownMs: 300 };
    const bus = new RedisBus(options, connections, log.logger);
    opened.push({ bus, connections });
    await bus.onModuleInit();
    return bus;
  };

  /** Publishes on the same bus every 100 ms until `received` grows (a subscription may lag a reconnect). */
  const publishUntilReceived = async (bus: RedisBus, topic: string, received: unknown[]) => {
    const before = received.length;
    await vi.waitUntil(async () => {
      await bus.publish(topic, 'ping');
      await new Promise((resolve) => setTimeout(resolve, 100));
      return received.length > before;
    }, DELIVERY);
  };

  beforeAll(async () => {
    server = await PrivateRedisServer.start();
  });

  afterEach(async () => {
    // The app's order: each bus stops using its clients, then they quit.
    const closing = opened.splice(0);
    for (const { bus } of closing) bus.onApplicationShutdown();
    await Promise.all(closing.map(({ connections }) => connections.onApplicationShutdown()));
    server.resume();
    await server.start();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('delivers to other instances with the publisher as the envelope source', async () => {
    const publisher = await openBus(captureLogger(), 'api-1');
    const consumer = await openBus(captureLogger(), 'api-2');
    const received: BusEnvelope[] = [];
    await consumer.subscribe('order.paid', (_payload, envelope) => {
      received.push(envelope);
    });
    await publisher.publish('order.paid', { orderId: 'o-1' });
    await vi.waitUntil(() => received.length === 1, DELIVERY);
    expect(received[0]).toMatchObject({
      topic: 'order.paid',
      payload: { orderId: 'o-1' },
      source: 'api-1',
    });
  });

  it('logs and drops malformed messages on its channel and keeps delivering good ones', async () => {
    const log = captureLogger();
    const bus = await openBus(log);
    const received: unknown[] = [];
    await bus.subscribe('t', (payload) => {
      received.push(payload);
    });
    const raw = new Redis(server.url);
    try {
      await raw.publish('bus-test:t', 'not json {');
      await raw.publish('bus-test:t', JSON.stringify({ hello: 'world' }));
      const wrongTopic = {
        id: 'x',
        topic: 'other',
        payload: 1,
        time: new Date().toISOString(),
        source: 's',
      };
      await raw.publish('bus-test:t', JSON.stringify(wrongTopic));
    } finally {
      raw.disconnect();
    }
    await bus.publish('t', 'good');
    await vi.waitUntil(() => received.length === 1, DELIVERY);
    expect(received).toEqual(['good']);
    const drops = log.warnings().filter((line) => line.msg === 'bus dropped a malformed message');
    expect(drops).toHaveLength(3);
    expect(drops[0]).toMatchObject({ channel: 'bus-test:t' });
  });

  it('resolves publishes promptly while Redis is stopped, warns once, and resubscribes after a restart', async () => {
    const log = captureLogger();
    const bus = await openBus(log);
    const received: unknown[] = [];
    await bus.subscribe('t', (payload) => {
      received.push(payload);
    });
    await server.stop();
    let slowestMs = 0;
    for (let n = 0; n < 50; n++) {
      const started = performance.now();
      await bus.publish('t', n);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(slowestMs).toBeLessThan(CALL_BOUND_MS);
    expect(log.warnings().filter((line) => line.msg.startsWith('redis unavailable'))).toHaveLength(
      1,
    );
    await server.start();
    await publishUntilReceived(bus, 't', received);
  }, 40_000);

  it('resolves publishes within the bound while the server is frozen (SIGSTOP)', async () => {
    const bus = await openBus();
    server.pause();
    let slowestMs = 0;
    for (let n = 0; n < 20; n++) {
      const started = performance.now();
      await bus.publish('t', n);
      slowestMs = Math.max(slowestMs, performance.now() - started);
    }
    expect(slowestMs).toBeLessThan(CALL_BOUND_MS);
  }, 40_000);

  it('subscribes while Redis is down without hanging and starts receiving once it is back', async () => {
    await server.stop();
    const bus = await openBus();
    const received: unknown[] = [];
    const started = performance.now();
    await bus.subscribe('late', (payload) => {
      received.push(payload);
    });
    expect(performance.now() - started).toBeLessThan(CALL_BOUND_MS * 2);
    await server.start();
    await publishUntilReceived(bus, 'late', received);
  }, 40_000);

  it('stops delivering after shutdown', async () => {
    const publisher = await openBus();
    const consumer = await openBus();
    const received: unknown[] = [];
    await consumer.subscribe('t', (payload) => {
      received.push(payload);
    });
    const sentinel: unknown[] = [];
    await publisher.subscribe('t', (payload) => {
      sentinel.push(payload);
    });
    // The consumer's clients stay connected (RedisConnections closes them later): it must stop anyway.
    consumer.onApplicationShutdown();
    await publisher.publish('t', 'after');
    await vi.waitUntil(() => sentinel.length === 1, DELIVERY);
    await expect(consumer.publish('t', 'closed')).resolves.toBeUndefined();
    expect(received).toEqual([]);
  });
});
