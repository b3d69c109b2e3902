/** Runs every registered health indicator (the HEALTH_INDICATOR multi-token) in parallel. */
import {
  DiscoveryService,
  HEALTH_INDICATOR,
  type HealthCheckResult,
  type HealthIndicator,
  Injectable,
  type OnModuleInit,
  ShutdownState,
} from '#core';
import type { Readiness } from './health.schemas.js';

// A check slower than this counts as down: readiness probes must answer quickly.
const CHECK_TIMEOUT_MS = 3_000;

// While the app closes, readiness is down at once so the load balancer stops sending traffic.
const CLOSING: Readiness = {
  status: 'down',
  checks: { shutdown: { status: 'down', details: { reason: 'shutting down' } } },
};

/** Aggregates indicator results: any down -> down, any degraded -> degraded, else ok. */
@Injectable()
export class HealthService implements OnModuleInit {
  private indicators: HealthIndicator[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly shutdown: ShutdownState,
  ) {}

  onModuleInit(): void {
    this.indicators = this.discovery.getMultiProviders(HEALTH_INDICATOR);
  }

  /** Runs every check (none once the app is closing: down); never throws. */
  async readiness(): Promise<Readiness> {
    if (this.shutdown.isClosing) return CLOSING;
    const results = await Promise.all(this.indicators.map((indicator) => runCheck(indicator)));
    const checks: Readiness['checks'] = {};
    this.indicators.forEach((indicator, index) => {
      checks[indicator.name] = results[index]!;
    });
    const statuses = results.map((result) => result.status);
    const status = statuses.includes('down')
      ? 'down'
      : statuses.includes('degraded')
        ? 'degraded'
        : 'ok';
    return { status, checks };
  }
}

async function runCheck(indicator: HealthIndicator): Promise<HealthCheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'down', details: { error: 'timed out' } }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([indicator.check(), timeout]);
  } catch (error) {
    return { status: 'down', details: { error: (error as Error)?.message ?? 'check failed' } };
  } finally {
    clearTimeout(timer);
  }
}
