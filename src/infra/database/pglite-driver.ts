/** The embedded driver: PGlite in a folder (default `./.data/pglite`) or in memory. */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle, type PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { DatabaseDriver } from './database-driver.js';
import type { ResolvedDatabaseOptions } from './database-options.js';
import { DeferredPglite } from './deferred-pglite.js';
import { PgliteLock } from './pglite-lock.js';

/** Where PGlite lives: a folder, memory (`undefined`), or an instance someone else opened. */
export interface PgliteDriverTarget {
  dataDir: string | undefined;
  instance: PGlite | undefined;
}

/**
 * PGlite has ONE connection: while a transaction is open, any query that does not run on that
 * transaction waits until it ends (`UnitOfWork` routes a transaction's queries to it). A folder
 * is also single-process: `open` takes its lock file, and a second process gets KEEL_DB_PGLITE_LOCKED.
 */
export class PgliteDriver implements DatabaseDriver {
  readonly name = 'pglite';
  readonly db: PgliteDatabase;
  private readonly client = new DeferredPglite();
  private owned: PGlite | undefined;
  private lock: PgliteLock | undefined;

  constructor(
    private readonly target: PgliteDriverTarget,
    private readonly options: Pick<ResolvedDatabaseOptions, 'migrationsFolder'>,
  ) {
    this.db = drizzle(this.client.asPglite());
  }

  /** Opens the folder (creating and locking it) or memory, unless an open instance was given. */
  async open(): Promise<void> {
    const { dataDir, instance } = this.target;
    if (instance) {
      this.client.attach(instance);
      return;
    }
    if (dataDir !== undefined) {
      await mkdir(dataDir, { recursive: true });
      this.lock = await PgliteLock.acquire(dataDir);
    }
    try {
      this.owned = await PGlite.create(dataDir);
    } catch (error) {
      await this.releaseLock();
      throw error;
    }
    this.client.attach(this.owned);
  }

  /** Applies pending migrations; PGlite is single-process, so no lock is needed. */
  async migrate(): Promise<void> {
    await migrate(this.db, { migrationsFolder: this.options.migrationsFolder });
  }

  /** In-process: no network to lose, so no breaker. */
  status(): { available: true } {
    return { available: true };
  }

  /** Closes the instance this driver opened (a given one stays open for its owner), then unlocks. */
  async close(): Promise<void> {
    this.client.detach();
    const owned = this.owned;
    this.owned = undefined;
    try {
      if (owned && !owned.closed) await owned.close();
    } finally {
      await this.releaseLock();
    }
  }

  private async releaseLock(): Promise<void> {
    const lock = this.lock;
    this.lock = undefined;
    await lock?.release();
  }
}
