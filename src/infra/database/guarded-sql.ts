/**
 * A postgres.js client whose queries run through a `DatabaseGuard`: what Drizzle calls
 * (`unsafe`, `begin`, `savepoint`) gets a deadline and the breaker; everything else is the client.
 */
import type { PendingQuery, Row, Sql, TransactionSql } from 'postgres';
import { DatabaseUnavailable } from './database.errors.js';
import type { DatabaseGuard } from './database-guard.js';

type Client = Sql | TransactionSql;
type AnyFunction = (...args: unknown[]) => unknown;
type Query = PendingQuery<Row[]>;

/** Wraps `client` (the pool, or a transaction's connection inside `begin`). */
export function guardSql<C extends Client>(client: C, guard: DatabaseGuard): C {
  // Built once per client: Drizzle reads `client.unsafe` for every query.
  const overrides = new Map<PropertyKey, AnyFunction>([
    [
      'unsafe',
      (...args) => guardQuery((client.unsafe as AnyFunction).apply(client, args) as Query, guard),
    ],
    ['begin', (...args) => guardedBegin(client as Sql, args, guard)],
    [
      'savepoint',
      (...args) => {
        const fn = args.pop() as (sql: TransactionSql) => unknown;
        const savepoint = (client as TransactionSql).savepoint as AnyFunction;
        return savepoint.call(client, ...args, (sql: TransactionSql) => fn(guardSql(sql, guard)));
      },
    ],
  ]);
  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (overrides.get(key) ?? value) : value;
    },
  });
}

/**
 * A pending query that runs under the guard when awaited. postgres.js queries are lazy (they
 * start in `then`), so the deadline starts when Drizzle awaits. On a timeout the query is
 * cancelled: dropped from the pool's queue when it waits for a connection, else cancelled on the
 * server.
 */
function guardQuery<Q extends Query>(query: Q, guard: DatabaseGuard): Q {
  let outcome: Promise<unknown> | undefined;
  const run = () => {
    outcome ??= guard.execute((signal) => {
      signal.addEventListener('abort', () => cancel(query), { once: true });
      return query;
    });
    return outcome;
  };
  const guarded: Q = new Proxy(query, {
    get(target, key) {
      if (key === 'then') {
        return (onFulfilled?: AnyFunction, onRejected?: AnyFunction) =>
          run().then(onFulfilled, onRejected);
      }
      if (key === 'catch') return (onRejected?: AnyFunction) => run().catch(onRejected);
      if (key === 'finally') return (onFinally?: () => void) => run().finally(onFinally);
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      // Builder methods (`values()`, `raw()`...) return the query itself: keep it guarded.
      return (...args: unknown[]) => {
        const result = (value as AnyFunction).apply(target, args);
        return result === target ? guarded : result;
      };
    },
  });
  return guarded;
}

/**
 * `begin` under the guard: the breaker may refuse it, and getting a connection (the `begin`
 * statement) has the deadline. A transaction whose connection came too late is rolled back
 * unrun. Its statements are guarded one by one; the transaction as a whole has no deadline.
 */
function guardedBegin(client: Sql, args: unknown[], guard: DatabaseGuard): Promise<unknown> {
  const fn = args.pop() as (sql: TransactionSql) => unknown;
  const mode = args as [string?];
  let abandoned = false;
  let started: () => void = () => undefined;
  let transaction: Promise<unknown> = Promise.resolve();
  const admitted = guard.execute((signal) => {
    signal.addEventListener('abort', () => (abandoned = true), { once: true });
    return new Promise<void>((resolve, reject) => {
      started = resolve;
      transaction = client.begin(...(mode as []), async (sql: TransactionSql) => {
        // The caller got QUERY_TIMEOUT already; throwing rolls back the empty transaction.
        if (abandoned) throw new DatabaseUnavailable({ code: 'QUERY_TIMEOUT' });
        started();
        return fn(guardSql(sql, guard));
      });
      // A failed `begin` (connection refused...) rejects before the callback ever runs.
      transaction.catch(reject);
    });
  });
  return admitted.then(() => transaction);
}

/**
 * `query.cancel()`, minus its bug: postgres.js drops the promise of the cancel request it sends
 * for a running query, so a server that cannot be reached (the case that needs cancelling)
 * becomes an unhandled rejection, which ends the process. The same call, with that promise kept.
 */
function cancel(query: Query): void {
  const internal = query as unknown as { canceller?: ((query: unknown) => unknown) | null };
  const canceller = internal.canceller;
  if (typeof canceller !== 'function') return;
  internal.canceller = null;
  const request = canceller(query);
  if (request instanceof Promise) request.catch(() => undefined);
}
