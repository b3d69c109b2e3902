/** Runs the message bus contract against MemoryBus always, and RedisBus when REDIS_URL is set. */
import { randomUUID } from 'node:crypto';
import { MemoryBus } from '../../src/infra/bus/memory-bus.js';
import { RedisBus } from '../../src/infra/bus/redis-bus.js';
import { RedisConnections } from '../../src/infra/redis/redis-connections.js';
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
    const connections = new RedisConnections({ url: redisUrl }, logger);
    const bus = new RedisBus({ prefix: `${run}:${namespace}:` }, connections, logger);
    await bus.onModuleInit();
    const close = async () => {
      // The app's order: the bus stops using its clients, then they quit.
      bus.onApplicationShutdown();
      await connections.onApplicationShutdown();
    };
    return { bus, instanceId: bus.instanceId, close };
  });
} else {
  console.warn('[skip] RedisBus contract: REDIS_URL is not set');
}
