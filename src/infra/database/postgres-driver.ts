/** The server driver: a postgres.js pool with deliberate timeouts, and locked migrations. */
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Options, type Sql } from 'postgres';
import { databaseUnreachable } from '../infra-errors.js';
import type { DatabaseDriver } from './database-driver.js';
import type { ResolvedDatabaseOptions } from './database-options.js';

// Any fixed bigint works: advisory locks are per database, and only migrations take this one.
const MIGRATION_LOCK_KEY = 4_207_158_932;
const IDLE_TIMEOUT_S = 30;
const MAX_LIFETIME_S = 30 * 60;
const CLOSE_TIMEOUT_S = 5;

/** postgres.js behind Drizzle; connections open lazily, so the constructor does no I/O. */
export class PostgresDriver implements DatabaseDriver {
  readonly name = 'postgres';
  readonly db: PostgresJsDatabase;
  private readonly client: Sql;

  constructor(
    private readonly url: string,
    private readonly options: ResolvedDatabaseOptions,
  ) {
    this.client = postgres(
      url,
      clientOptions(options, options.poolMax, options.statementTimeoutMs),
    );
    this.db = drizzle(this.client);
  }

  /** Runs `select 1`, so an unreachable server fails the boot with a clear message. */
  async open(): Promise<void> {
    try {
      await this.client`select 1`;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw databaseUnreachable(describeUrl(this.url), String(code ?? 'unknown error'), error);
    }
  }

  /**
   * Migrates on one dedicated connection holding a session advisory lock, so processes that
   * boot together take turns: the first applies the migrations, the others then find none.
   */
  async migrate(): Promise<void> {
    const { migrationTimeoutMs, migrationsFolder } = this.options;
    const client = postgres(this.url, clientOptions(this.options, 1, migrationTimeoutMs));
    try {
      await client.unsafe(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
      try {
        await migrate(drizzle(client), { migrationsFolder });
      } finally {
        // A failed unlock must not hide the migration's error; the lock ends with the session.
        await client
          .unsafe(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`)
          .catch(() => undefined);
      }
    } finally {
      await client.end({ timeout: CLOSE_TIMEOUT_S });
    }
  }

  /** Lets running queries finish for a few seconds, then closes every connection. */
  async close(): Promise<void> {
    await this.client.end({ timeout: CLOSE_TIMEOUT_S });
  }
}

function clientOptions(
  options: ResolvedDatabaseOptions,
  max: number,
  statementTimeoutMs: number,
): Options<Record<string, never>> {
  return {
    max,
    connect_timeout: options.connectTimeoutMs / 1000,
    idle_timeout: IDLE_TIMEOUT_S,
    max_lifetime: MAX_LIFETIME_S,
    onnotice: () => {},
    connection: { statement_timeout: statementTimeoutMs, application_name: 'keel' },
  };
}

// host:port/database only: the URL may carry a password.
function describeUrl(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `${hostname}:${port || '5432'}${pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
