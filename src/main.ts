/** Entry point: validate config, build the app, listen, close gracefully on signals and crashes (no top-level await). */
import 'reflect-metadata';
import { createApp, enableShutdownSignals, explainLoadError } from '#core';
import { type AppConfig, loadConfigOrExit } from './app/config.js';

async function bootstrap(config: AppConfig): Promise<void> {
  // Loaded here, not by a static import, so a circular file import among the modules reaches the
  // catch below and is explained (KEEL_MODULE_CIRCULAR_IMPORT) instead of crashing bare at load.
  const { AppModule } = await import('./app/app.module.js').catch((error: unknown) => {
    throw explainLoadError(error);
  });
  const app = await createApp(AppModule.forRoot(config), {
    logger: { level: config.logLevel, pretty: config.nodeEnv === 'development' },
  });
  enableShutdownSignals(app, { timeoutMs: config.shutdownTimeoutMs });
  // One `listening` line names every address.
  await app.listen({ port: config.port, host: config.host });
  // PM2 (wait_ready) counts the worker as up only after this: database and Redis are connected.
  process.send?.('ready');
}

bootstrap(loadConfigOrExit()).catch((error: unknown) => {
  process.stderr.write(`Keel failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
