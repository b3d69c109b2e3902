/** The health indicator port: each adds one named check to `/health/ready`. */
import { createMultiToken } from '../di/multi-token.js';

/** `degraded` keeps readiness at 200; `down` makes it 503. */
export type HealthStatus = 'ok' | 'degraded' | 'down';

/** One check's result. */
export interface HealthCheckResult {
  status: HealthStatus;
  details?: Record<string, unknown>;
}

/** A named readiness check. */
export interface HealthIndicator {
  readonly name: string;
  check(): Promise<HealthCheckResult>;
}

/** Multi-token: every provider registered under it in any module is collected. */
export const HEALTH_INDICATOR = createMultiToken<HealthIndicator>('HealthIndicator');
