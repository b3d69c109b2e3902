/** BusModule inside real apps: the global MESSAGE_BUS and @OnEvent handlers found at boot. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type App,
  type BusEnvelope,
  createApp,
  type DynamicModule,
  Injectable,
  MESSAGE_BUS,
  Module,
} from '#core';
import { BusModule, type BusModuleOptions } from '#infra/bus';
import { RedisModule } from '#infra/redis';
import { OnEvent } from '../../../src/core/events/index.js';
import { PrivateRedisServer, privateRedisAvailable } from '../../helpers/redis-server.js';

@Injectable()
class WelcomeMailer {
  readonly sent: Array<{ payload: unknown; envelope: BusEnvelope }> = [];

  @OnEvent('user.created')
  @OnEvent('user.invited')
  welcome(payload: unknown, envelope: BusEnvelope) {
    this.sent.push({ payload, envelope });
  }
}

@Module({ providers: [WelcomeMailer] })
class MailModule {}

function rootModule(options: BusModuleOptions, redisUrl?: string) {
  const redis: DynamicModule[] = redisUrl ? [RedisModule.forRoot({ url: redisUrl })] : [];
  @Module({ imports: [...redis, BusModule.forRoot(options), MailModule] })
  class RootModule {}
  return RootModule;
}

describe('BusModule', () => {
  const apps: App[] = [];
  const boot = async (options: BusModuleOptions, redisUrl?: string) => {
    const app = await createApp(rootModule(options, redisUrl), { logger: false });
    apps.push(app);
    return app;
  };

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('subscribes every @OnEvent topic of a provider in another module at boot', async () => {
    const app = await boot({ driver: 'memory', instanceId: 'api-1' });
    const bus = app.get(MESSAGE_BUS);
    await bus.publish('user.created', { id: 'u1' });
    await bus.publish('user.invited', { id: 'u2' });
    const mailer = app.get(WelcomeMailer);
    await vi.waitUntil(() => mailer.sent.length === 2, { timeout: 5_000, interval: 20 });
    expect(mailer.sent.map((message) => message.payload)).toEqual([{ id: 'u1' }, { id: 'u2' }]);
    expect(mailer.sent[0]?.envelope).toMatchObject({ topic: 'user.created', source: 'api-1' });
  });

  it('unsubscribes the handlers when the app closes', async () => {
    const app = await boot({ driver: 'memory' });
    const bus = app.get(MESSAGE_BUS);
    const mailer = app.get(WelcomeMailer);
    await app.close();
    await bus.publish('user.created', { id: 'late' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(mailer.sent).toEqual([]);
  });

  it('refuses to boot the redis driver without RedisModule, saying what to set', async () => {
    await expect(boot({ driver: 'redis' })).rejects.toMatchObject({
      code: 'KEEL_REDIS_NOT_REGISTERED',
      message: expect.stringMatching(/RedisBus[\s\S]*RedisModule\.forRoot[\s\S]*REDIS_URL/),
    });
  });

  describe.runIf(privateRedisAvailable('BusModule with Redis'))('with a private Redis', () => {
    it('fans an event out to the @OnEvent handlers of every app on the same Redis', async () => {
      const server = await PrivateRedisServer.start();
      try {
        const first = await boot({ driver: 'redis', instanceId: 'api-1' }, server.url);
        const second = await boot({ driver: 'redis', instanceId: 'api-2' }, server.url);
        await first.get(MESSAGE_BUS).publish('user.created', { id: 'u1' });
        const mailers = [first.get(WelcomeMailer), second.get(WelcomeMailer)];
        await vi.waitUntil(() => mailers.every((mailer) => mailer.sent.length === 1), {
          timeout: 5_000,
          interval: 20,
        });
        for (const mailer of mailers) {
          expect(mailer.sent[0]?.envelope).toMatchObject({
            payload: { id: 'u1' },
            source: 'api-1',
          });
        }
      } finally {
        await Promise.all(apps.splice(0).map((app) => app.close()));
        await server.stop();
      }
    });
  });
});
