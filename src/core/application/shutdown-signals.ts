/** SIGINT/SIGTERM close the app gracefully within a budget; a second signal exits at once. */
import type { App } from './app.js';

/** What `enableShutdownSignals` may be told (exit and the process are replaceable in tests). */
export interface ShutdownSignalOptions {
  /** The whole shutdown's budget: past it the process exits with 1. */
  timeoutMs: number;
  /** `App.close`'s drain window (default: a quarter of the budget, at most 2 s). */
  drainMs?: number;
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
}

const MAX_DEFAULT_DRAIN_MS = 2000;

/** Installs the handlers; returns a function that removes them. */
export function enableShutdownSignals(app: App, options: ShutdownSignalOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const drainMs = options.drainMs ?? Math.min(MAX_DEFAULT_DRAIN_MS, options.timeoutMs / 4);
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
    app.close(signal, { drainMs }).then(
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
