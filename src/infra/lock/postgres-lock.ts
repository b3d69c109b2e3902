/** Postgres lock for apps without Redis: a lease table with TTL and fences, on Postgres or PGlite. */
import type { SQL } from 'drizzle-orm';
import {
  createToken,
  Inject,
  Injectable,
  type Lease,
  type Lock,
  type LockOptions,
  LockUnavailableError,
  type OnModuleInit,
  StaleFenceError,
} from '#core';
import { DATABASE, type Db } from '../database/database.tokens.js';
import { settleWithin } from '../redis/settle-within.js';
import { type AcquireBackend, acquireWithBackoff } from './acquire-with-backoff.js';
import {
  acquireSql,
  createTableSql,
  extendSql,
  fenceSql,
  releaseSql,
} from './postgres-lock-sql.js';

/** Settings of `PostgresLock`. */
export interface PostgresLockOptions {
  /** The lease table. Default `keel_locks`. */
  table?: string;
  /** Prefix of every key. Default `keel:lock:`. */
  prefix?: string;
  /** A statement that takes longer fails (acquire: `LockUnavailableError`). Default 1000 ms. */
  timeoutMs?: number;
}

/** Options of `PostgresLock` when the container builds it. */
export const POSTGRES_LOCK_OPTIONS = createToken<PostgresLockOptions>('PostgresLockOptions');

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * One row per key: `INSERT ... ON CONFLICT DO UPDATE ... WHERE expires_at <= now() RETURNING
 * fence` takes a free or expired key and counts its fence in one statement. Unlike advisory
 * locks it needs no connection held for the lease, expires by TTL and runs on PGlite.
 */
@Injectable()
export class PostgresLock implements Lock, OnModuleInit {
  private readonly table: string;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly backend: AcquireBackend = {
    take: async (key, token, ttlMs) => {
      const rows = await this.query(acquireSql(this.table, this.prefix + key, token, ttlMs));
      if (rows === undefined) throw new LockUnavailableError(key);
      return rows[0] ? Number(rows[0].fence) : 0;
    },
    release: async (key, token) => {
      const rows = await this.query(releaseSql(this.table, this.prefix + key, token));
      return rows === undefined ? undefined : rows.length === 1;
    },
    renew: async (key, token, ttlMs) => {
      const rows = await this.query(extendSql(this.table, this.prefix + key, token, ttlMs));
      if (rows === undefined) return 'unavailable';
      return rows.length === 1 ? 'ok' : 'lost';
    },
    firstBackoffMs: 10,
    maxBackoffMs: 200,
  };

  constructor(
    @Inject(DATABASE) private readonly db: Db,
    @Inject(POSTGRES_LOCK_OPTIONS) options: PostgresLockOptions = {},
  ) {
    this.table = options.table ?? 'keel_locks';
    if (!TABLE_NAME.test(this.table)) throw new TypeError(`PostgresLock: bad table ${this.table}`);
    this.prefix = options.prefix ?? 'keel:lock:';
    this.timeoutMs = options.timeoutMs ?? 1000;
  }

  /** Creates the lease table when missing. */
  async onModuleInit(): Promise<void> {
    await this.db.execute(createTableSql(this.table));
  }

  acquire(key: string, options: LockOptions = {}): Promise<Lease> {
    return acquireWithBackoff(this.backend, key, options);
  }

  async assertFence(key: string, fence: number): Promise<void> {
    const rows = await this.query(fenceSql(this.table, this.prefix + key));
    if (rows === undefined) throw new LockUnavailableError(key);
    if (Number(rows[0]?.fence ?? 0) > fence) throw new StaleFenceError(key, fence);
  }

  // Rows of a statement on either driver (postgres.js: an array; PGlite: `{ rows }`), or
  // undefined when the database failed or did not answer in time.
  private async query(statement: SQL): Promise<Record<string, unknown>[] | undefined> {
    const result = await settleWithin(this.db.execute(statement), this.timeoutMs);
    if (!result.ok) return undefined;
    const value = result.value as unknown;
    if (Array.isArray(value)) return value as Record<string, unknown>[];
    return (value as { rows: Record<string, unknown>[] }).rows;
  }
}
