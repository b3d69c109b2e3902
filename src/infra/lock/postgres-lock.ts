/** Postgres lock for apps without Redis: a lease table with TTL and fences, on Postgres or PGlite. */
import { randomUUID } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import {
  createToken,
  Inject,
  Injectable,
  type Lease,
  type Lock,
  type LockOptions,
  LockTimeoutError,
  LockUnavailableError,
  type OnModuleInit,
  StaleFenceError,
} from '#core';
import { DATABASE, type Db } from '../database/database.tokens.js';
import { settleWithin } from '../redis/settle-within.js';
import { DEFAULT_LOCK_TTL_MS } from './lock-defaults.js';
import { type LeaseBackend, LockLease } from './lock-lease.js';
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

const FIRST_BACKOFF_MS = 10;
const MAX_BACKOFF_MS = 200;
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
  private readonly backend: LeaseBackend = {
    release: async (key, token) => {
      const rows = await this.query(releaseSql(this.table, this.prefix + key, token));
      return rows === undefined ? undefined : rows.length === 1;
    },
    renew: async (key, token, ttlMs) => {
      const rows = await this.query(extendSql(this.table, this.prefix + key, token, ttlMs));
      if (rows === undefined) return 'unavailable';
      return rows.length === 1 ? 'ok' : 'lost';
    },
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

  async acquire(key: string, options: LockOptions = {}): Promise<Lease> {
    const ttlMs = Math.max(1, Math.ceil(options.ttlMs ?? DEFAULT_LOCK_TTL_MS));
    const waitMs = options.waitMs ?? 0;
    const started = performance.now();
    let backoff = FIRST_BACKOFF_MS;
    for (;;) {
      const token = randomUUID();
      const startedAt = performance.now();
      const rows = await this.query(acquireSql(this.table, this.prefix + key, token, ttlMs));
      if (rows === undefined) throw new LockUnavailableError(key);
      const fence = rows[0] ? Number(rows[0].fence) : 0;
      if (fence > 0) {
        const autoExtend = options.autoExtend === true;
        return new LockLease(this.backend, { key, token, fence, ttlMs, startedAt, autoExtend });
      }
      const remaining = waitMs - (performance.now() - started);
      if (remaining <= 0) throw new LockTimeoutError(key, Math.round(performance.now() - started));
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(remaining, backoff * (1 + Math.random()))),
      );
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
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
