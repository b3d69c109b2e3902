/** Entry point: validate config, build the app, listen, close gracefully on signals (no top-level await). */
import 'reflect-metadata';
import { createApp, enableShutdownSignals } from '#core';
import { AppModule } from './app/app.module.js';
import { type AppConfig, loadConfigOrExit } from './app/config.js';

async function bootstrap(config: AppConfig): Promise<void> {
  const app = await createApp(AppModule.forRoot(config), {
    logger: { level: config.logLevel, pretty: config.nodeEnv === 'development' },
  });
  enableShutdownSignals(app, { timeoutMs: config.shutdownTimeoutMs });
  const address = await app.listen({ port: config.port, host: config.host });
  app.logger.info({ address }, 'Keel is listening');
  // PM2 (wait_ready) counts the worker as up only after this: database and Redis are connected.
  process.send?.('ready');
}

bootstrap(loadConfigOrExit()).catch((error: unknown) => {
  process.stderr.write(`Keel failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
