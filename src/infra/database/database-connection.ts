/**
 * Owns the driver chosen from the options: loads it, opens and migrates at init, closes at
 * shutdown. PGlite's code is imported only when PGlite is the configured driver.
 */

import { pino } from 'pino';
import type { Logger, OnApplicationShutdown, OnModuleInit } from '#core';
import { Inject, Injectable, LOGGER, Optional } from '#core';
import { databaseNotOpen } from '../infra-errors.js';
import { DATABASE_OPTIONS, type Db } from './database.tokens.js';
import type { DatabaseDriver } from './database-driver.js';
import type { DatabaseGuardStatus } from './database-guard.js';
import type { ResolvedDatabaseOptions } from './database-options.js';
import type { PgliteDriverTarget } from './pglite-driver.js';
import { PostgresDriver } from './postgres-driver.js';

/** The database connection (pool or embedded instance) behind the `DATABASE` token. */
@Injectable()
export class DatabaseConnection implements OnModuleInit, OnApplicationShutdown {
  private driver: DatabaseDriver | undefined;
  private loading: Promise<DatabaseDriver> | undefined;
  private readonly loadDriver: () => Promise<DatabaseDriver>;

  constructor(
    @Inject(DATABASE_OPTIONS) private readonly options: ResolvedDatabaseOptions,
    @Optional() @Inject(LOGGER) logger: Logger = pino({ level: 'warn' }),
  ) {
    const { target } = options;
    if (target.driver === 'postgres') {
      const driver = new PostgresDriver(target.url, options, logger);
      this.driver = driver;
      this.loadDriver = () => Promise.resolve(driver);
    } else {
      this.loadDriver = () => importPgliteDriver(target, options);
    }
  }

  /**
   * The Drizzle instance once the driver's code is loaded: at once for postgres.js; PGlite's
   * module (WASM, tens of milliseconds and MiB) is imported on the first call. No I/O.
   */
  async load(): Promise<Db> {
    return (await this.loaded()).db;
  }

  /** Whether queries are let through now: false while the circuit breaker is open (no I/O). */
  status(): DatabaseGuardStatus {
    return this.driver?.status() ?? { available: true };
  }

  /** The Drizzle instance; queries run from `onModuleInit` on (PGlite: once `load()` resolved). */
  get db(): Db {
    if (!this.driver) throw databaseNotOpen();
    return this.driver.db;
  }

  /** `postgres` (postgres.js) or `pglite` (embedded). */
  get driverName(): 'postgres' | 'pglite' {
    return this.options.target.driver;
  }

  /** Loads the driver, connects, then applies pending migrations unless `migrate: false`. */
  async onModuleInit(): Promise<void> {
    const driver = await this.loaded();
    try {
      await driver.open();
      if (this.options.migrate) await driver.migrate();
    } catch (error) {
      // Boot is failing: release the pool now rather than rely on a shutdown that may not come.
      await driver.close().catch(() => undefined);
      throw error;
    }
  }

  /** Closes the pool or the embedded database (nothing to close if PGlite never loaded). */
  async onApplicationShutdown(): Promise<void> {
    await this.driver?.close();
  }

  private async loaded(): Promise<DatabaseDriver> {
    this.loading ??= this.loadDriver();
    this.driver = await this.loading;
    return this.driver;
  }
}

// Imported here, not statically: an app on Postgres never loads PGlite or drizzle-orm/pglite.
async function importPgliteDriver(
  target: PgliteDriverTarget,
  options: ResolvedDatabaseOptions,
): Promise<DatabaseDriver> {
  const { PgliteDriver } = await import('./pglite-driver.js');
  return new PgliteDriver(target, options);
}
