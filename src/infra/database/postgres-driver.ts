/**
 * The server driver: a postgres.js pool behind a deadline and a circuit breaker
 * (`DatabaseGuard`), sockets Keel can drop when they hang, and locked migrations.
 */
import type { Socket } from 'node:net';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Options, type Sql } from 'postgres';
import { databaseUnreachable } from '../infra-errors.js';
import { DatabaseUnavailable } from './database.errors.js';
import type { DatabaseDriver } from './database-driver.js';
import { DatabaseGuard, type DatabaseGuardStatus, type GuardLogger } from './database-guard.js';
import type { ResolvedDatabaseOptions } from './database-options.js';
import { guardSql } from './guarded-sql.js';
import { PooledSockets, type SocketTarget } from './pooled-sockets.js';

// Any fixed bigint works: advisory locks are per database, and only migrations take this one.
const MIGRATION_LOCK_KEY = 4_207_158_932;
const IDLE_TIMEOUT_S = 30;
const MAX_LIFETIME_S = 30 * 60;
const CLOSE_TIMEOUT_S = 5;
// A socket silent for this long after the server's own statement_timeout has no answer coming.
const REPLY_GRACE_MS = 2000;
// Reconnect delays (s): postgres.js's default grows to 20 s over an outage, which would delay
// the recovery long after the server is back. The breaker already keeps load off a down server.
const MAX_RECONNECT_DELAY_S = 0.25;

/** postgres.js behind Drizzle; connections open lazily, so the constructor does no I/O. */
export class PostgresDriver implements DatabaseDriver {
  readonly name = 'postgres';
  readonly db: PostgresJsDatabase;
  private readonly client: Sql;
  private readonly sockets: PooledSockets;
  private readonly guard: DatabaseGuard;

  constructor(
    private readonly url: string,
    private readonly options: ResolvedDatabaseOptions,
    logger: GuardLogger,
  ) {
    const replyTimeoutMs =
      Math.max(options.statementTimeoutMs, options.queryTimeoutMs) + REPLY_GRACE_MS;
    this.sockets = new PooledSockets(replyTimeoutMs);
    const poolOptions: ClientOptions = {
      ...clientOptions(options, options.poolMax, options.statementTimeoutMs),
      socket: this.sockets.connect,
      backoff: (retries: number) => Math.min(0.02 * 2 ** retries, MAX_RECONNECT_DELAY_S),
    };
    this.client = postgres(url, poolOptions);
    this.guard = new DatabaseGuard({
      queryTimeoutMs: options.queryTimeoutMs,
      failureThreshold: options.circuitThreshold,
      probeIntervalMs: options.circuitProbeMs,
      probe: () => this.probe(),
      // Pooled connections may hang on a silent peer: drop them all, the pool reconnects later.
      onOutage: () => this.sockets.destroyAll(),
      logger,
    });
    this.db = drizzle(guardSql(this.client, this.guard));
  }

  /** Whether the breaker lets queries through (readiness reports `down` while it does not). */
  status(): DatabaseGuardStatus {
    return this.guard.status();
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
    this.guard.close();
    await this.client.end({ timeout: CLOSE_TIMEOUT_S });
  }

  /** `select 1` on a fresh, single connection within the probe interval; then dropped. */
  private async probe(): Promise<void> {
    const deadlineMs = this.options.circuitProbeMs;
    const sockets = new PooledSockets(deadlineMs);
    const probeOptions: ClientOptions = {
      ...clientOptions(this.options, 1, deadlineMs),
      connect_timeout: deadlineMs / 1000,
      socket: sockets.connect,
    };
    const client = postgres(this.url, probeOptions);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DatabaseUnavailable({ code: 'PROBE_TIMEOUT' })),
        deadlineMs,
      );
    });
    try {
      await Promise.race([client`select 1`, late]);
    } finally {
      clearTimeout(timer);
      sockets.destroyAll();
      await client.end({ timeout: 0 }).catch(() => undefined);
    }
  }
}

// postgres.js supports `socket` (a function returning the socket to use) but does not type it.
type ClientOptions = Options<Record<string, never>> & {
  socket?: (target: SocketTarget) => Socket;
};

function clientOptions(
  options: ResolvedDatabaseOptions,
  max: number,
  statementTimeoutMs: number,
): ClientOptions {
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
