/** The `cache` readiness check: `ok`, or `degraded` while Redis is unavailable (never `down`). */

import type { HealthCheckResult, HealthIndicator } from '#core';
import { Inject, Injectable } from '#core';
import { CACHE_ADAPTER, type CacheAdapter } from './cache.tokens.js';

/** Registered under `HEALTH_INDICATOR` by `CacheModule`: a lost cache only slows requests down. */
@Injectable()
export class CacheHealthIndicator implements HealthIndicator {
  readonly name = 'cache';

  constructor(@Inject(CACHE_ADAPTER) private readonly adapter: CacheAdapter) {}

  async check(): Promise<HealthCheckResult> {
    try {
      const result = await this.adapter.health();
      return result.status === 'down' ? { ...result, status: 'degraded' } : result;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { status: 'degraded', details: { driver: this.adapter.driver, reason } };
    }
  }
}
