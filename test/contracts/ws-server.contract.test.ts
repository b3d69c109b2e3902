/** Runs the WsServer contract over the memory bus, and over Redis when REDIS_URL is set. */
import { randomUUID } from 'node:crypto';
import { BusModule } from '#infra/bus';
import { RedisModule } from '#infra/redis';
import { wsServerContract } from './ws-server.contract.js';

wsServerContract('memory bus', {
  busModules: () => [BusModule.forRoot({ driver: 'memory' })],
  shared: false,
});

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  // One namespace per run: parallel test files and other runs never see these messages.
  const prefix = `keel:test:ws:${randomUUID()}:`;
  wsServerContract('redis bus', {
    busModules: () => [
      RedisModule.forRoot({ url: redisUrl }),
      BusModule.forRoot({ driver: 'redis', prefix }),
    ],
    shared: true,
  });
}
