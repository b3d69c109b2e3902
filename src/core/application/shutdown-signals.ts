/**
 * SIGINT/SIGTERM close the app gracefully within a budget; a second signal exits at once. An
 * uncaught exception or unhandled rejection is logged, then closes the app the same way, exit 1.
 */
import { errorLogFields } from '../logger/error-log-fields.js';
import type { App, CloseOptions } from './app.js';

/** Where signals and crashes are heard: `process`, or an EventEmitter in tests. */
export type ShutdownEmitter = Pick<NodeJS.EventEmitter, 'on' | 'off'>;

/** What `enableShutdownSignals` may be told (exit and the process are replaceable in tests). */
export interface ShutdownSignalOptions {
  /** The whole shutdown's budget: past it the process exits with 1. */
  timeoutMs: number;
  /** `App.close`'s drain window (default: a quarter of the budget, at most 2 s). */
  drainMs?: number;
  /**
   * How long in-flight requests may still run before they get a 503 (default: the budget less a
   * fifth of it, at most 2 s, left for the shutdown hooks).
   */
  inFlightMs?: number;
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
  /** Default `process`. */
  process?: ShutdownEmitter;
}

const MAX_DEFAULT_DRAIN_MS = 2000;
const MAX_HOOKS_RESERVE_MS = 2000;

/** The `App.close` options a signal uses for `options`. */
export function closeOptionsFor(options: ShutdownSignalOptions): Required<CloseOptions> {
  const { timeoutMs } = options;
  return {
    drainMs: options.drainMs ?? Math.min(MAX_DEFAULT_DRAIN_MS, timeoutMs / 4),
    inFlightMs: options.inFlightMs ?? timeoutMs - Math.min(MAX_HOOKS_RESERVE_MS, timeoutMs / 5),
  };
}

/** Installs the handlers; returns a function that removes them. */
export function enableShutdownSignals(app: App, options: ShutdownSignalOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const target: ShutdownEmitter = options.process ?? process;
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const closeOptions = closeOptionsFor(options);
  // Undefined until the first signal or crash; then the code to exit with.
  let exitCode: number | undefined;

  const shutDown = (reason: string, code: number) => {
    if (exitCode !== undefined) {
      exitCode = Math.max(exitCode, code);
      return;
    }
    exitCode = code;
    const timer = setTimeout(() => {
      app.logger.error(
        { timeoutMs: options.timeoutMs },
        'graceful shutdown overran its budget: exiting',
      );
      exit(1);
    }, options.timeoutMs);
    timer.unref();
    app.close(reason, closeOptions).then(
      () => {
        clearTimeout(timer);
        exit(exitCode ?? 0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        app.logger.error({ err: error }, 'graceful shutdown failed');
        exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (exitCode !== undefined) {
      app.logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    app.logger.info({ signal }, 'shutting down');
    shutDown(signal, 0);
  };
  // The logger adds the requestId when the failure ran inside a request's context (Node keeps
  // it for both events, Bun for uncaught exceptions).
  const onException = (error: unknown) => {
    app.logger.fatal({ err: errorLogFields(error) }, 'uncaught exception: shutting down');
    shutDown('uncaughtException', 1);
  };
  const onRejection = (reason: unknown) => {
    app.logger.error({ err: errorLogFields(reason) }, 'unhandled rejection: shutting down');
    shutDown('unhandledRejection', 1);
  };

  for (const signal of signals) target.on(signal, onSignal);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    for (const signal of signals) target.off(signal, onSignal);
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
