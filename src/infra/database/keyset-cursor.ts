/** Opaque keyset cursors (base64url JSON of the sort column, direction, last row's keys) and their SQL. */
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { BadRequestError } from '#core';

/** The position after which the next page starts. */
export interface KeysetPosition {
  /** Sort column (property key) and direction the cursor was made for. */
  column: string;
  direction: 'asc' | 'desc';
  /** The last row's sort value and id, as Postgres prints them (`::text`), so nothing is rounded. */
  value: string;
  id: string;
}

/** 400 INVALID_CURSOR: the cursor was not made by this list (or was edited). */
export function invalidCursor(cause?: unknown): BadRequestError {
  return new BadRequestError({ code: 'INVALID_CURSOR', cause });
}

/** Encodes a position as an opaque cursor. */
export function encodeCursor(position: KeysetPosition): string {
  const { column, direction, value, id } = position;
  return Buffer.from(JSON.stringify([column, direction, value, id])).toString('base64url');
}

/** Decodes a cursor made for `column`/`direction`; anything else is a 400 INVALID_CURSOR. */
export function decodeCursor(
  cursor: string,
  column: string,
  direction: 'asc' | 'desc',
): KeysetPosition {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw invalidCursor();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw invalidCursor(error);
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 4 ||
    !decoded.every((x) => typeof x === 'string')
  ) {
    throw invalidCursor();
  }
  const [c, d, value, id] = decoded as [string, string, string, string];
  if (c !== column || d !== direction) throw invalidCursor();
  return { column, direction, value, id };
}

/** `(sort, id) > (cursor sort, cursor id)` (or `<` descending), cast back to the column types. */
export function keysetAfter(
  sortColumn: AnyPgColumn,
  idColumn: AnyPgColumn,
  position: KeysetPosition,
): SQL {
  const op = sql.raw(position.direction === 'asc' ? '>' : '<');
  const sortValue = sql`cast(${position.value} as ${sql.raw(castType(sortColumn))})`;
  const idValue = sql`cast(${position.id} as ${sql.raw(castType(idColumn))})`;
  return sql`(${sortColumn}, ${idColumn}) ${op} (${sortValue}, ${idValue})`;
}

// serial types are column shorthands, not types a value can be cast to.
function castType(column: AnyPgColumn): string {
  const type = column.getSQLType();
  const serial: Record<string, string> = {
    serial: 'integer',
    bigserial: 'bigint',
    smallserial: 'smallint',
  };
  return serial[type] ?? type;
}
