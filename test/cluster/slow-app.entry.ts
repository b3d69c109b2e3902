/**
 * src/main.ts plus the slow test routes: the whole AppModule (Postgres, Redis, bus, WebSocket)
 * with `GET /slow?ms=`, closed by SIGINT/SIGTERM; prints `KEEL_LISTENING <port>` once it listens.
 */
import 'reflect-metadata';
import { createApp, type DynamicModule, enableShutdownSignals, Module } from '#core';
import { AppModule } from '../../src/app/app.module.js';
import { type AppConfig, loadConfigOrExit } from '../../src/app/config.js';
import { SlowController } from '../core/application/fixtures/slow.controller.js';

/** The example app with the slow routes added. */
@Module({ controllers: [SlowController] })
class SlowKeelModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: SlowKeelModule, imports: [AppModule.forRoot(config)] };
  }
}

async function bootstrap(config: AppConfig): Promise<void> {
  const app = await createApp(SlowKeelModule.forRoot(config), {
    logger: { level: config.logLevel, pretty: false },
  });
  enableShutdownSignals(app, { timeoutMs: config.shutdownTimeoutMs });
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`KEEL_LISTENING ${app.port}\n`);
}

bootstrap(loadConfigOrExit()).catch((error: unknown) => {
  process.stderr.write(`slow Keel failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
