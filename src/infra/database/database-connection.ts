/** Owns the driver chosen from the options: opens and migrates at init, closes at shutdown. */

import { pino } from 'pino';
import type { Logger, OnApplicationShutdown, OnModuleInit } from '#core';
import { Inject, Injectable, LOGGER, Optional } from '#core';
import { DATABASE_OPTIONS, type Db } from './database.tokens.js';
import type { DatabaseDriver } from './database-driver.js';
import type { DatabaseGuardStatus } from './database-guard.js';
import type { ResolvedDatabaseOptions } from './database-options.js';
import { PgliteDriver } from './pglite-driver.js';
import { PostgresDriver } from './postgres-driver.js';

/** The database connection (pool or embedded instance) behind the `DATABASE` token. */
@Injectable()
export class DatabaseConnection implements OnModuleInit, OnApplicationShutdown {
  private readonly driver: DatabaseDriver;

  constructor(
    @Inject(DATABASE_OPTIONS) private readonly options: ResolvedDatabaseOptions,
    @Optional() @Inject(LOGGER) logger: Logger = pino({ level: 'warn' }),
  ) {
    const { target } = options;
    this.driver =
      target.driver === 'postgres'
        ? new PostgresDriver(target.url, options, logger)
        : new PgliteDriver(target, options);
  }

  /** Whether queries are let through now: false while the circuit breaker is open (no I/O). */
  status(): DatabaseGuardStatus {
    return this.driver.status();
  }

  /** The Drizzle instance; queries run from `onModuleInit` on. */
  get db(): Db {
    return this.driver.db;
  }

  /** `postgres` (postgres.js) or `pglite` (embedded). */
  get driverName(): 'postgres' | 'pglite' {
    return this.driver.name;
  }

  /** Connects, then applies pending migrations unless `migrate: false`. */
  async onModuleInit(): Promise<void> {
    try {
      await this.driver.open();
      if (this.options.migrate) await this.driver.migrate();
    } catch (error) {
      // Boot is failing: release the pool now rather than rely on a shutdown that may not come.
      await this.driver.close().catch(() => undefined);
      throw error;
    }
  }

  /** Closes the pool or the embedded database. */
  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}
