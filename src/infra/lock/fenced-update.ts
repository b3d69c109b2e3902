/** `fencedUpdate`: an UPDATE the database refuses when a newer lock holder has written the row. */
import { and, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { StaleFenceError } from '#core';
import type { Db } from '../database/database.tokens.js';

/** What to update, under which lease. */
export interface FencedUpdate<T extends PgTable> {
  /** The columns to change (the fence column is set to `fence` as well). */
  set: PgUpdateSetSource<T>;
  /** Which rows: the same rows must always be guarded by the same lock key. */
  where: SQL | undefined;
  /** `lease.fence` of the lock that guards these rows. */
  fence: number;
  /** The integer column keeping the fence of the last write (null counts as 0). */
  fenceColumn: PgColumn;
  /** The lock key, for the error. Default: the table name. */
  key?: string;
}

/**
 * Runs `UPDATE t SET ..., fence = $fence WHERE <where> AND coalesce(fence, 0) <= $fence
 * RETURNING *`. `<=` and not `<`: fences are unique per acquisition, so an equal fence is the
 * same lease writing again (several writes, a retry) and only an older lease is refused.
 * Resolves the updated rows (`[]` when `where` matches nothing); rejects with `StaleFenceError`
 * when rows matched `where` but all carried a newer fence.
 */
export async function fencedUpdate<T extends PgTable>(
  db: Db,
  table: T,
  update: FencedUpdate<T>,
): Promise<T['$inferSelect'][]> {
  const { fence, fenceColumn, where } = update;
  const values = { ...update.set, [propertyOf(table, fenceColumn)]: fence };
  const fenced = and(where, sql`coalesce(${fenceColumn}, 0) <= ${fence}`);
  const query = db
    .update(table)
    .set(values as PgUpdateSetSource<T>)
    .where(fenced)
    .returning();
  // Drizzle's generic row type does not resolve for an arbitrary table; the rows are the table's.
  const rows = (await query) as unknown as T['$inferSelect'][];
  if (rows.length > 0) return rows;
  const matched = await db
    .select({ one: sql<number>`1` })
    .from(table as PgTable)
    .where(where)
    .limit(1);
  if (matched.length > 0) throw new StaleFenceError(update.key ?? getTableName(table), fence);
  return [];
}

function propertyOf(table: PgTable, column: PgColumn): string {
  for (const [name, candidate] of Object.entries(getTableColumns(table))) {
    if (candidate === column) return name;
  }
  throw new TypeError(`fencedUpdate: ${column.name} is not a column of ${getTableName(table)}`);
}
