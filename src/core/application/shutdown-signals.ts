/** SIGINT/SIGTERM close the app gracefully within a budget; a second signal exits at once. */
import type { App } from './app.js';

/** What `enableShutdownSignals` may be told (exit and the process are replaceable in tests). */
export interface ShutdownSignalOptions {
  timeoutMs: number;
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
}

/** Installs the handlers; returns a function that removes them. */
export function enableShutdownSignals(app: App, options: ShutdownSignalOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      app.logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    shuttingDown = true;
    app.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.logger.error(
        { timeoutMs: options.timeoutMs },
        'graceful shutdown overran its budget: exiting',
      );
      exit(1);
    }, options.timeoutMs);
    timer.unref();
    app.close(signal).then(
      () => {
        clearTimeout(timer);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        app.logger.error({ err: error }, 'graceful shutdown failed');
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
