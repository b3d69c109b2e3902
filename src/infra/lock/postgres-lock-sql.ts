/** The statements of `PostgresLock`: one row per key in a lease table, fences kept in the row. */
import { type SQL, sql } from 'drizzle-orm';

/** The lease table (created by `PostgresLock` at init when missing). */
export function createTableSql(table: string): SQL {
  return sql.raw(`create table if not exists "${table}" (
    key text primary key,
    token text not null,
    fence bigint not null,
    expires_at timestamptz not null
  )`);
}

/**
 * Takes `key` when it has no row or its lease expired, counting the fence in the same statement.
 * The row outlives its lease (release only expires it), so the fence never starts again.
 */
export function acquireSql(table: string, key: string, token: string, ttlMs: number): SQL {
  const t = sql.raw(`"${table}"`);
  return sql`insert into ${t} (key, token, fence, expires_at)
    values (${key}, ${token}, 1, clock_timestamp() + ${ttlMs} * interval '1 millisecond')
    on conflict (key) do update set token = excluded.token, fence = ${t}.fence + 1,
      expires_at = excluded.expires_at
    where ${t}.expires_at <= clock_timestamp()
    returning fence`;
}

/** Ends the lease of `token` (the row stays, for its fence). */
export function releaseSql(table: string, key: string, token: string): SQL {
  const t = sql.raw(`"${table}"`);
  return sql`update ${t} set expires_at = '-infinity', token = ''
    where key = ${key} and token = ${token} and expires_at > clock_timestamp() returning fence`;
}

/** Pushes the expiry of `token`'s live lease to `ttlMs` from now. */
export function extendSql(table: string, key: string, token: string, ttlMs: number): SQL {
  const t = sql.raw(`"${table}"`);
  return sql`update ${t} set expires_at = clock_timestamp() + ${ttlMs} * interval '1 millisecond'
    where key = ${key} and token = ${token} and expires_at > clock_timestamp() returning fence`;
}

/** The newest fence issued for `key`. */
export function fenceSql(table: string, key: string): SQL {
  return sql`select fence from ${sql.raw(`"${table}"`)} where key = ${key}`;
}
