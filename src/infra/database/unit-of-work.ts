/** Transactions carried by AsyncLocalStorage, so repositories join them without a parameter. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import { Inject, Injectable } from '#core';
import { DATABASE, type Db } from './database.tokens.js';
import { databaseErrorCode, toDatabaseError } from './to-database-error.js';

/** Options of `UnitOfWork.transaction` (and `@Transactional`). */
export interface TransactionOptions {
  /** Postgres isolation level; `serializable` retries serialization failures and deadlocks. */
  isolation?: NonNullable<PgTransactionConfig['isolationLevel']>;
  /** Retries after 40001/40P01 for `serializable` and `repeatable read`. Default 3. */
  maxRetries?: number;
}

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const DEFAULT_MAX_RETRIES = 3;

/**
 * Runs work in one transaction. Inside `transaction(fn)`, every repository query (and
 * `executor`) uses that transaction; a nested `transaction` joins the outer one. On PGlite,
 * which has a single connection, a query that bypasses the transaction (the raw `DATABASE`
 * instance) waits until the transaction ends, so inside `fn` use `tx` or `executor`.
 */
@Injectable()
export class UnitOfWork {
  private readonly storage = new AsyncLocalStorage<Db>();

  constructor(@Inject(DATABASE) private readonly db: Db) {}

  /** The open transaction of the current async context, if any. */
  get current(): Db | undefined {
    return this.storage.getStore();
  }

  /** What a query should run on: the open transaction, else the database. */
  get executor(): Db {
    return this.storage.getStore() ?? this.db;
  }

  /**
   * Runs `fn` in a transaction: commits when it resolves, rolls back when it throws. Joins an
   * open transaction instead of nesting (its isolation stays the outer one's). Serializable and
   * repeatable-read transactions rerun `fn` after a serialization failure or deadlock, so `fn`
   * must have no effects outside the database. Driver errors leave as `DatabaseError`s.
   */
  async transaction<T>(fn: (tx: Db) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const open = this.storage.getStore();
    if (open) return fn(open);
    // Drizzle emits `set transaction` for any config object, and an empty one is a syntax error.
    const config: PgTransactionConfig | undefined = options.isolation
      ? { isolationLevel: options.isolation }
      : undefined;
    const attempt = () => this.db.transaction((tx) => this.storage.run(tx, () => fn(tx)), config);
    try {
      const retries = retriesFor(options);
      if (retries === 0) return await attempt();
      return await retryPolicy(retries).execute(attempt);
    } catch (error) {
      throw toDatabaseError(error);
    }
  }
}

function retriesFor(options: TransactionOptions): number {
  const { isolation } = options;
  if (isolation !== 'serializable' && isolation !== 'repeatable read') return 0;
  return Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
}

function retryPolicy(maxAttempts: number) {
  const isRetryable = (error: Error) => RETRYABLE_SQLSTATES.has(databaseErrorCode(error) ?? '');
  // Small jittered delays: the competing transaction usually commits within milliseconds.
  const backoff = new ExponentialBackoff({ initialDelay: 10, maxDelay: 200 });
  return retry(handleWhen(isRetryable), { maxAttempts, backoff });
}
