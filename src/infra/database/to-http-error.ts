/** Maps driver errors (postgres.js, PGlite, Drizzle) to the HTTP error shape, without leaking values. */
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { BadRequestError, ConflictError, DatabaseUnavailableError, HttpError } from '#core';
import { DatabaseQueryError, type DatabaseQueryErrorInfo } from './database.errors.js';

/** How a mapped error names the offending column, e.g. a table's property key for `created_at`. */
export interface ToHttpErrorOptions {
  fieldName?: (column: string) => string;
}

// Driver and socket codes of postgres.js and Node for "the server cannot be reached".
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/** Seconds a client should wait before retrying after a 503 DATABASE_UNAVAILABLE. */
const RETRY_AFTER_S = '5';

// 57P01-03: shutdown / cannot connect now; 57014: statement timeout; 53300: too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '53300']);

interface DriverErrorInfo extends DatabaseQueryErrorInfo {
  /** Postgres's `detail`: holds row values, so it is only parsed for column names. */
  detail: string | undefined;
}

/** The SQLSTATE or driver code behind `error` (looks through Drizzle and HttpError causes). */
export function databaseErrorCode(error: unknown): string | undefined {
  return inspect(error)?.code;
}

/** A database error as an HttpError (409, 400 or 503), or `undefined` when it is not one we map. */
export function toHttpError(
  error: unknown,
  options: ToHttpErrorOptions = {},
): HttpError | undefined {
  if (error instanceof HttpError) return error;
  const info = inspect(error);
  const code = info?.code;
  if (!info || code === undefined) return undefined;
  const cause = new DatabaseQueryError(info);
  if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) {
    return new DatabaseUnavailableError({ cause, headers: { 'Retry-After': RETRY_AFTER_S } });
  }
  const field = fieldOf(info, options);
  const details = field === undefined ? undefined : { field };
  switch (code) {
    case '23505':
    case '23503':
      return new ConflictError({ details, cause });
    case '23502':
      return new BadRequestError({ details, cause });
    case '23514':
      // A check may span several columns: name the constraint rather than guess a field.
      return new BadRequestError({ details: constraintDetails(info), cause });
    case '40001':
      return new ConflictError({ details: { reason: 'serialization_failure' }, cause });
    case '40P01':
      return new ConflictError({ details: { reason: 'deadlock' }, cause });
    default:
      return undefined;
  }
}

/**
 * What the data layer throws for a failed query: the mapped HttpError, else a value-free
 * `DatabaseQueryError` for other driver errors (a 500), else `error` itself (the caller's own).
 */
export function toDatabaseError(error: unknown, options: ToHttpErrorOptions = {}): unknown {
  const mapped = toHttpError(error, options);
  if (mapped) return mapped;
  const info = inspect(error);
  if (info) return new DatabaseQueryError(info);
  // Drizzle's wrapper carries the bound parameters in its message: keep only what it wraps.
  if (error instanceof DrizzleQueryError) {
    return error.cause instanceof Error ? error.cause : new DatabaseQueryError({ code: undefined });
  }
  return error;
}

function inspect(error: unknown): DriverErrorInfo | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    const info = driverInfo(current);
    if (info) return info;
    const next: unknown = (current as { cause?: unknown }).cause;
    const errors: unknown = (current as { errors?: unknown }).errors;
    current = next ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return undefined;
}

function driverInfo(error: object): DriverErrorInfo | undefined {
  const e = error as Record<string, unknown>;
  if (error instanceof DatabaseQueryError) {
    return { ...pick(e), code: error.code, detail: undefined };
  }
  const code = text(e.code);
  if (code === undefined) return undefined;
  // postgres.js and PGlite server errors both carry `severity`; network errors only a code.
  if ('severity' in e && /^[0-9A-Z]{5}$/.test(code)) {
    return { ...pick(e), code, detail: text(e.detail) };
  }
  return NETWORK_CODES.has(code) ? { code, detail: undefined } : undefined;
}

function pick(e: Record<string, unknown>): Omit<DatabaseQueryErrorInfo, 'code'> {
  return {
    // postgres.js names them `*_name`; PGlite (pg-protocol) and our own error do not.
    constraint: text(e.constraint_name) ?? text(e.constraint),
    table: text(e.table_name) ?? text(e.table),
    column: text(e.column_name) ?? text(e.column),
  };
}

function fieldOf(info: DriverErrorInfo, options: ToHttpErrorOptions): string | undefined {
  const column = info.column ?? columnsFromDetail(info.detail) ?? columnFromConstraint(info);
  if (column === undefined) return undefined;
  return column
    .split(',')
    .map((name) => options.fieldName?.(name) ?? name)
    .join(',');
}

// "Key (email)=(a@b.c) already exists." -> "email"; only the part before "=(" is read.
function columnsFromDetail(detail: string | undefined): string | undefined {
  const columns = detail?.match(/^Key \((.+?)\)=\(/)?.[1];
  if (columns === undefined || !/^[\w", ]+$/.test(columns)) return undefined;
  return columns.replace(/["\s]/g, '');
}

// "test_items_email_unique" (Drizzle) or "test_items_email_key" (Postgres) -> "email".
function columnFromConstraint(info: DriverErrorInfo): string | undefined {
  const { constraint, table } = info;
  if (constraint === undefined || table === undefined || !constraint.startsWith(`${table}_`)) {
    return undefined;
  }
  const rest = constraint
    .slice(table.length + 1)
    .replace(/_(unique|key|idx|index|uindex|fkey|fk)$/, '');
  return rest === '' ? undefined : rest;
}

function constraintDetails(info: DriverErrorInfo): { constraint: string } | undefined {
  return info.constraint === undefined ? undefined : { constraint: info.constraint };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
