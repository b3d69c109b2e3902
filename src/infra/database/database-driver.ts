/** What the connection needs from a driver: a Drizzle instance now, I/O only in open/migrate/close. */
import type { Db } from './database.tokens.js';
import type { DatabaseGuardStatus } from './database-guard.js';

/** A Postgres driver behind Drizzle (postgres.js or PGlite). */
export interface DatabaseDriver {
  readonly name: 'postgres' | 'pglite';
  /** Usable for building queries at once; queries run once `open()` resolved. */
  readonly db: Db;
  /** Connects (or opens the embedded database) and checks it answers. */
  open(): Promise<void>;
  /** Applies the pending migrations of `migrationsFolder`. */
  migrate(): Promise<void>;
  /** Whether queries are let through now (false while the circuit breaker is open); no I/O. */
  status(): DatabaseGuardStatus;
  /** Closes what `open()` opened. */
  close(): Promise<void>;
}
