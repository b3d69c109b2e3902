/** Bounds Redis calls with a timeout and a circuit breaker, and reports outages once. */
import {
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type IPolicy,
  isBrokenCircuitError,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import type { Logger } from '#core';

/** How a guard behaves (all durations in milliseconds). */
export interface RedisGuardOptions {
  /** Who uses Redis (`cache`, `bus`): appears in the log lines. */
  component: string;
  /** A call that takes longer gives up and counts as a failure. */
  timeoutMs: number;
  /** Consecutive failures that open the breaker. */
  failureThreshold: number;
  /** How long the breaker skips Redis before letting one trial call through. */
  cooldownMs: number;
  logger: Logger;
}

/** The outcome of a guarded call: `ok: false` means Redis was skipped or failed. */
export type GuardResult<T> = { ok: true; value: T } | { ok: false };

/** Whether Redis is usable, as the guard last saw it. */
export interface GuardStatus {
  available: boolean;
  /** ISO time the current outage started. */
  since?: string;
  /** Why the last failing call failed. */
  reason?: string;
}

/**
 * Runs Redis calls so they never throw and never wait longer than `timeoutMs`. After
 * `failureThreshold` consecutive failures the breaker opens and calls are skipped for
 * `cooldownMs`; then one trial call decides. One warning per outage, one info on recovery.
 */
export class RedisGuard {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly policy: IPolicy;
  private outageSince: Date | undefined;
  private lastReason: string | undefined;

  constructor(private readonly options: RedisGuardOptions) {
    // A reply error (WRONGTYPE...) proves Redis is up, so it must not open the breaker.
    this.breaker = circuitBreaker(handleWhen(isConnectivityError), {
      halfOpenAfter: options.cooldownMs,
      breaker: new ConsecutiveBreaker(options.failureThreshold),
    });
    this.breaker.onBreak((failure) => {
      if ('error' in failure) this.lastReason = describe(failure.error);
      this.reportOutage();
    });
    this.breaker.onReset(() => this.reportRecovery());
    this.policy = wrap(this.breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));
  }

  /** Runs `fn` unless the breaker is open; resolves `{ ok: false }` instead of throwing. */
  async run<T>(fn: () => Promise<T>): Promise<GuardResult<T>> {
    try {
      // A signal of its own: without one cockatiel hangs every call's abort listener on one shared
      // signal, and more than 10 calls in flight print MaxListenersExceededWarning.
      return { ok: true, value: await this.policy.execute(fn, new AbortController().signal) };
    } catch (error) {
      this.noteFailure(error);
      return { ok: false };
    }
  }

  /** The current view of Redis availability (no I/O). */
  status(): GuardStatus {
    if (this.breaker.state === CircuitState.Closed && !this.outageSince) return { available: true };
    return {
      available: false,
      since: this.outageSince?.toISOString(),
      reason: this.lastReason,
    };
  }

  private noteFailure(error: unknown): void {
    const reason = describe(error);
    const { component, logger } = this.options;
    if (!isConnectivityError(error)) {
      logger.warn({ component, reason }, `redis ${component} command failed`);
      return;
    }
    // Skipped calls during an outage say nothing new.
    if (isBrokenCircuitError(error)) return;
    this.lastReason = reason;
    logger.debug({ component, reason }, `redis ${component} call failed`);
  }

  private reportOutage(): void {
    if (this.outageSince) return;
    this.outageSince = new Date();
    const { component, cooldownMs, logger } = this.options;
    logger.warn(
      { component, reason: this.lastReason, cooldownMs },
      `redis unavailable: ${component} skips Redis until it returns (retrying every ${cooldownMs} ms)`,
    );
  }

  private reportRecovery(): void {
    if (!this.outageSince) return;
    const outageMs = Date.now() - this.outageSince.getTime();
    this.outageSince = undefined;
    this.lastReason = undefined;
    const { component, logger } = this.options;
    logger.info({ component, outageMs }, `redis available again: ${component} resumed`);
  }
}

function isConnectivityError(error: unknown): boolean {
  return !(error instanceof Error && error.name === 'ReplyError');
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}
