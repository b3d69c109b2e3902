/** The behaviour every `MessageBus` adapter must have; each adapter's test file runs it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/ports/logger.port.js';
import type { BusEnvelope, MessageBus } from '../../src/core/ports/message-bus.port.js';
import { type CapturedLogger, captureLogger } from '../infra/redis/capture-logger.js';

/** A bus under test, the `source` it stamps on envelopes, and how to dispose of it. */
export interface BusUnderTest {
  bus: MessageBus;
  instanceId: string;
  close(): Promise<void>;
}

/** Builds a fresh bus in its own namespace, logging to `logger`. */
export type MakeBus = (options: { namespace: string; logger: Logger }) => Promise<BusUnderTest>;

/** Collects what a handler receives and resolves when `count` messages arrived. */
function recorder<T = unknown>() {
  const received: Array<{ payload: T; envelope: BusEnvelope<T> }> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const handler = (payload: T, envelope: BusEnvelope<T>) => {
    received.push({ payload, envelope });
    for (const waiter of waiters) if (received.length >= waiter.count) waiter.resolve();
  };
  const waitFor = (count: number, boundMs = 5_000) =>
    new Promise<void>((resolve, reject) => {
      if (received.length >= count) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`only ${received.length}/${count} messages`)),
        boundMs,
      );
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      waiters.push({ count, resolve: done });
    });
  return { received, handler, waitFor };
}

/** Defines the whole message bus contract suite for `name`. */
export function runMessageBusContract(name: string, makeBus: MakeBus): void {
  describe(`MessageBus contract: ${name}`, () => {
    let counter = 0;
    let made: BusUnderTest;
    let bus: MessageBus;
    let log: CapturedLogger;

    beforeEach(async () => {
      log = captureLogger();
      made = await makeBus({ namespace: `ns${++counter}`, logger: log.logger });
      bus = made.bus;
    });

    afterEach(async () => {
      await made.close();
    });

    it('delivers a published payload with its envelope to a subscriber', async () => {
      const inbox = recorder<{ id: number }>();
      await bus.subscribe('user.created', inbox.handler);
      const before = Date.now();
      await bus.publish('user.created', { id: 7 });
      await inbox.waitFor(1);
      const [{ payload, envelope }] = inbox.received as [(typeof inbox.received)[0]];
      expect(payload).toEqual({ id: 7 });
      expect(envelope).toMatchObject({
        topic: 'user.created',
        payload: { id: 7 },
        source: made.instanceId,
      });
      expect(envelope.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(envelope.time)).toBeGreaterThanOrEqual(before - 1_000);
      expect(new Date(envelope.time).toISOString()).toBe(envelope.time);
    });

    it("gives each publication its own envelope id and keeps one publisher's order", async () => {
      const inbox = recorder<number>();
      await bus.subscribe('seq', inbox.handler);
      for (let n = 1; n <= 5; n++) await bus.publish('seq', n);
      await inbox.waitFor(5);
      expect(inbox.received.map((message) => message.payload)).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(inbox.received.map((message) => message.envelope.id)).size).toBe(5);
    });

    it('delivers to every handler of the topic and to no other topic', async () => {
      const first = recorder();
      const second = recorder();
      const elsewhere = recorder();
      await bus.subscribe('a', first.handler);
      await bus.subscribe('a', second.handler);
      await bus.subscribe('b', elsewhere.handler);
      await bus.publish('a', 'for a');
      await bus.publish('b', 'for b');
      await Promise.all([first.waitFor(1), second.waitFor(1), elsewhere.waitFor(1)]);
      expect(first.received.map((m) => m.payload)).toEqual(['for a']);
      expect(second.received.map((m) => m.payload)).toEqual(['for a']);
      expect(elsewhere.received.map((m) => m.payload)).toEqual(['for b']);
    });

    it('stops delivering to an unsubscribed handler while others keep receiving', async () => {
      const leaving = recorder();
      const staying = recorder();
      const unsubscribe = await bus.subscribe('t', leaving.handler);
      await bus.subscribe('t', staying.handler);
      await bus.publish('t', 1);
      await Promise.all([leaving.waitFor(1), staying.waitFor(1)]);
      await unsubscribe();
      await bus.publish('t', 2);
      // Delivery keeps publication order, so once 2 reached `staying` it would have reached `leaving`.
      await staying.waitFor(2);
      expect(leaving.received.map((m) => m.payload)).toEqual([1]);
    });

    it('delivers again after the last handler of a topic left and a new one subscribed', async () => {
      const first = recorder();
      const unsubscribe = await bus.subscribe('t', first.handler);
      await unsubscribe();
      await unsubscribe();
      const second = recorder();
      await bus.subscribe('t', second.handler);
      await bus.publish('t', 'again');
      await second.waitFor(1);
      expect(first.received).toEqual([]);
    });

    it('treats one function subscribed twice as two subscriptions', async () => {
      const inbox = recorder();
      const off = await bus.subscribe('t', inbox.handler);
      await bus.subscribe('t', inbox.handler);
      await bus.publish('t', 'x');
      await inbox.waitFor(2);
      await off();
      await bus.publish('t', 'y');
      await inbox.waitFor(3);
      expect(inbox.received.map((m) => m.payload)).toEqual(['x', 'x', 'y']);
    });

    it('logs a failing handler (thrown or rejected) and still runs the other handlers', async () => {
      const healthy = recorder();
      await bus.subscribe('t', () => {
        throw new Error('sync failure');
      });
      await bus.subscribe('t', async () => {
        throw new Error('async failure');
      });
      await bus.subscribe('t', healthy.handler);
      await bus.publish('t', 1);
      await bus.publish('t', 2);
      await healthy.waitFor(2);
      await expect.poll(() => log.errors().length).toBe(4);
      expect(log.errors()[0]).toMatchObject({ topic: 't' });
    });

    it('resolves a publish nobody listens to', async () => {
      await expect(bus.publish('nobody.listens', { x: 1 })).resolves.toBeUndefined();
    });

    it('delivers JSON copies: an undefined payload arrives as null', async () => {
      const inbox = recorder();
      await bus.subscribe('t', inbox.handler);
      await bus.publish('t', undefined);
      await bus.publish('t', { when: new Date(0) });
      await inbox.waitFor(2);
      expect(inbox.received.map((m) => m.payload)).toEqual([
        null,
        { when: '1970-01-01T00:00:00.000Z' },
      ]);
    });
  });
}
