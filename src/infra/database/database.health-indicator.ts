/** The `database` readiness check: `select 1` within a short deadline. */
import { sql } from 'drizzle-orm';
import type { HealthCheckResult, HealthIndicator } from '#core';
import { Inject, Injectable, Optional } from '#core';
import { DATABASE, type Db } from './database.tokens.js';
import { DatabaseConnection } from './database-connection.js';
import { databaseErrorCode } from './to-database-error.js';

/** How long `select 1` may take before the database counts as down. */
export const DATABASE_HEALTH_TIMEOUT_MS = 2000;

/** Reports `ok` when the database answers `select 1` in time, else `down` with a short reason. */
@Injectable()
export class DatabaseHealthIndicator implements HealthIndicator {
  readonly name = 'database';

  constructor(
    @Inject(DATABASE) private readonly db: Db,
    // Absent when only a Drizzle instance is at hand: then `select 1` alone decides.
    @Optional() private readonly connection?: DatabaseConnection,
  ) {}

  /** Never throws; down at once while the breaker is open, and after the deadline when hung. */
  async check(): Promise<HealthCheckResult> {
    const status = this.connection?.status();
    if (status && !status.available) {
      return { status: 'down', details: { reason: 'circuit open', since: status.since } };
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), DATABASE_HEALTH_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([this.db.execute(sql`select 1`), deadline]);
      if (outcome === 'timeout') return { status: 'down', details: { reason: 'timeout' } };
      return { status: 'ok' };
    } catch (error) {
      // The code only (ECONNREFUSED, 57P01...): driver messages can carry connection details.
      return { status: 'down', details: { reason: databaseErrorCode(error) ?? 'query failed' } };
    } finally {
      clearTimeout(timer);
    }
  }
}
