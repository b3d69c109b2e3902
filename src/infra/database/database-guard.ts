/**
 * Bounds every database call and fails fast during an outage: a deadline per call that also
 * covers waiting for a pool slot, and a breaker that answers at once while the database is down.
 */
import { AsyncResource } from 'node:async_hooks';
import {
  type CircuitBreakerPolicy,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type IDisposable,
  type IPolicy,
  isBrokenCircuitError,
  TaskCancelledError,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import { DatabaseUnavailable } from './database.errors.js';
import { databaseErrorCode, toDatabaseError } from './to-database-error.js';

/** The logger calls the guard makes (pino's `Logger` fits). */
export interface GuardLogger {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

/** How a guard behaves (durations in milliseconds). */
export interface DatabaseGuardOptions {
  /** A call that has not settled by then (pool wait included) fails with `QUERY_TIMEOUT`. */
  queryTimeoutMs: number;
  /** Consecutive connectivity failures (timeouts included) that open the breaker. */
  failureThreshold: number;
  /** While open, how often `probe` runs; the breaker closes after the first probe that passes. */
  probeIntervalMs: number;
  /** Checks the database on a fresh connection (`select 1`); rejects when it does not answer. */
  probe: () => Promise<void>;
  /** Runs when the breaker opens (the driver drops its pooled connections, which may be hung). */
  onOutage?: () => void;
  logger: GuardLogger;
}

/** Whether the database is usable, as the guard last saw it. */
export interface DatabaseGuardStatus {
  available: boolean;
  /** ISO time the current outage started. */
  since?: string;
  /** The code of the failure that opened the breaker (`ECONNREFUSED`, `QUERY_TIMEOUT`...). */
  reason?: string;
}

/**
 * Runs calls under a deadline and a consecutive-failure breaker. Once open, the breaker is held
 * open and every call fails at once with `DatabaseUnavailable` (`CIRCUIT_OPEN`) while a probe on
 * a fresh connection runs every `probeIntervalMs`; the first probe that passes closes it. So user
 * requests never wait on a trial call. One warning per outage, one info line on recovery.
 */
export class DatabaseGuard {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly policy: IPolicy;
  private held: IDisposable | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private outageSince: Date | undefined;
  private reason: string | undefined;
  private closed = false;
  // Outages are reported and probed in the context the guard was made in (the boot), not in
  // that of the request whose query tripped the breaker: its requestId would mislabel them.
  private readonly detached = AsyncResource.bind((work: () => void) => work());

  constructor(private readonly options: DatabaseGuardOptions) {
    this.breaker = circuitBreaker(handleWhen(isOutage), {
      halfOpenAfter: options.probeIntervalMs,
      breaker: new ConsecutiveBreaker(options.failureThreshold),
    });
    this.breaker.onBreak((failure) => {
      if ('isolated' in failure) return;
      this.reason = 'error' in failure ? outageCode(failure.error) : undefined;
      this.detached(() => this.holdOpen());
    });
    this.breaker.onReset(() => this.reportRecovery());
    const deadline = timeout(options.queryTimeoutMs, {
      strategy: TimeoutStrategy.Aggressive,
      // The signal fires only on a timeout: that is when a still running query gets cancelled.
      abortOnReturn: false,
    });
    this.policy = wrap(this.breaker, deadline);
  }

  /**
   * Runs `fn` unless the breaker is open. `signal` aborts when the deadline passes (cancel the
   * query then). Rejects with `DatabaseUnavailable` (`CIRCUIT_OPEN`, `QUERY_TIMEOUT`) or with
   * `fn`'s own error.
   */
  async execute<T>(fn: (signal: AbortSignal) => PromiseLike<T>): Promise<T> {
    try {
      return await this.policy.execute(({ signal }) => fn(signal));
    } catch (error) {
      // An isolated (held open) circuit throws IsolatedCircuitError, a BrokenCircuitError.
      if (isBrokenCircuitError(error)) {
        throw new DatabaseUnavailable({ code: 'CIRCUIT_OPEN' });
      }
      if (error instanceof TaskCancelledError)
        throw new DatabaseUnavailable({ code: 'QUERY_TIMEOUT' });
      throw error;
    }
  }

  /** The current view of the database (no I/O). */
  status(): DatabaseGuardStatus {
    if (!this.outageSince) return { available: true };
    return { available: false, since: this.outageSince.toISOString(), reason: this.reason };
  }

  /** Stops probing (at shutdown). */
  close(): void {
    this.closed = true;
    clearTimeout(this.probeTimer);
  }

  private holdOpen(): void {
    if (this.held) return;
    this.held = this.breaker.isolate();
    this.outageSince = new Date();
    const { logger, probeIntervalMs } = this.options;
    logger.warn(
      { component: 'database', reason: this.reason, probeIntervalMs },
      `database unavailable: answering 503 at once until it returns (probing every ${probeIntervalMs} ms)`,
    );
    this.options.onOutage?.();
    this.scheduleProbe();
  }

  // Probes start every `probeIntervalMs` (one at a time): a probe that hangs until its deadline
  // is followed at once by the next, so a recovery is seen within about one interval.
  private scheduleProbe(lastStarted = Date.now()): void {
    if (this.closed) return;
    const { probeIntervalMs, logger } = this.options;
    const wait = Math.max(0, lastStarted + probeIntervalMs - Date.now());
    this.probeTimer = setTimeout(() => {
      const started = Date.now();
      this.options.probe().then(
        () => this.release(),
        (error: unknown) => {
          logger.debug(
            { component: 'database', reason: outageCode(error) },
            'database probe failed',
          );
          this.scheduleProbe(started);
        },
      );
    }, wait);
    this.probeTimer.unref();
  }

  private release(): void {
    const held = this.held;
    this.held = undefined;
    held?.dispose();
  }

  private reportRecovery(): void {
    if (!this.outageSince) return;
    const outageMs = Date.now() - this.outageSince.getTime();
    this.outageSince = undefined;
    this.reason = undefined;
    this.options.logger.info({ component: 'database', outageMs }, 'database available again');
  }
}

// cockatiel 3.2's isTaskCancelledError() tests the wrong property: compare classes instead.

/** Timeouts and "cannot reach the server" count; an answer from Postgres (23505...) does not. */
function isOutage(error: unknown): boolean {
  return (
    error instanceof TaskCancelledError || toDatabaseError(error) instanceof DatabaseUnavailable
  );
}

function outageCode(error: unknown): string {
  if (error instanceof TaskCancelledError) return 'QUERY_TIMEOUT';
  return databaseErrorCode(error) ?? 'unknown error';
}
