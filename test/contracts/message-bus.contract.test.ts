/** Runs the message bus contract against MemoryBus always, and RedisBus when REDIS_URL is set. */
import { randomUUID } from 'node:crypto';
import { MemoryBus } from '../../src/infra/bus/memory-bus.js';
import { RedisBus } from '../../src/infra/bus/redis-bus.js';
import { runMessageBusContract } from './message-bus.contract.js';

runMessageBusContract('MemoryBus', async ({ namespace, logger }) => {
  const bus = new MemoryBus({ instanceId: `memory-${namespace}` }, logger);
  return { bus, instanceId: bus.instanceId, close: async () => bus.onApplicationShutdown() };
});

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  // One channel prefix per run and per bus, so parallel runs on a shared Redis never meet.
  const run = `keel-test:${randomUUID()}`;
  runMessageBusContract('RedisBus', async ({ namespace, logger }) => {
    const bus = new RedisBus({ url: redisUrl, prefix: `${run}:${namespace}:` }, logger);
    await bus.onModuleInit();
    return { bus, instanceId: bus.instanceId, close: () => bus.onApplicationShutdown() };
  });
} else {
  console.warn('[skip] RedisBus contract: REDIS_URL is not set');
}
