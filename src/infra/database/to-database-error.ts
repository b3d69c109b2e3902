/** Maps driver errors (postgres.js, PGlite, Drizzle) to the data layer's value-free errors. */
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { HttpError } from '#core';
import {
  CheckViolation,
  DatabaseError,
  type DatabaseErrorInfo,
  DatabaseUnavailable,
  DataException,
  ForeignKeyViolation,
  NotNullViolation,
  TransactionConflict,
  UniqueViolation,
} from './database.errors.js';

/** How a mapped error names the offending column, e.g. a table's property key for `created_at`. */
export interface ToDatabaseErrorOptions {
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

// 57P01-03: shutdown / cannot connect now; 57014: statement timeout; 53300: too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '53300']);

const BY_SQLSTATE: Record<string, new (info: DatabaseErrorInfo) => DatabaseError> = {
  '23505': UniqueViolation,
  '23503': ForeignKeyViolation,
  '23502': NotNullViolation,
  '23514': CheckViolation,
  '40001': TransactionConflict,
  '40P01': TransactionConflict,
};

interface DriverErrorInfo extends Omit<DatabaseErrorInfo, 'field'> {
  /** Postgres's `detail`: holds row values, so it is only parsed for column names. */
  detail: string | undefined;
}

/** The SQLSTATE or driver code behind `error` (looks through Drizzle wrappers and causes). */
export function databaseErrorCode(error: unknown): string | undefined {
  if (error instanceof DatabaseError) return error.code;
  return inspect(error)?.code;
}

/**
 * What the data layer throws for a failed query: a `DatabaseError` subclass for a driver error
 * (a plain `DatabaseError` when no subclass fits), else `error` itself (the caller's own, or an
 * HttpError such as INVALID_CURSOR). Never the driver's error: its message may hold values.
 */
export function toDatabaseError(error: unknown, options: ToDatabaseErrorOptions = {}): unknown {
  if (error instanceof DatabaseError || error instanceof HttpError) return error;
  const info = inspect(error);
  if (info) return fromDriver(info, options);
  // Drizzle's wrapper carries the bound parameters in its message: keep only what it wraps.
  if (error instanceof DrizzleQueryError) {
    return error.cause instanceof Error ? error.cause : new DatabaseError({ code: undefined });
  }
  return error;
}

function fromDriver(info: DriverErrorInfo, options: ToDatabaseErrorOptions): DatabaseError {
  const { code, constraint, table, column } = info;
  const safe = { code, constraint, table, column, field: fieldOf(info, options) };
  if (code !== undefined && isUnavailable(code)) return new DatabaseUnavailable(safe);
  const Kind = code === undefined ? undefined : BY_SQLSTATE[code];
  if (Kind) return new Kind(safe);
  // Class 22 (data exception): the value does not fit the column's type.
  return code?.startsWith('22') ? new DataException(safe) : new DatabaseError(safe);
}

function isUnavailable(code: string): boolean {
  return NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08');
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

// Only raw driver errors: an error of the caller's that wraps a DatabaseError stays the caller's.
function driverInfo(error: object): DriverErrorInfo | undefined {
  if (error instanceof DatabaseError) return undefined;
  const e = error as Record<string, unknown>;
  const code = text(e.code);
  if (code === undefined) return undefined;
  // postgres.js and PGlite server errors both carry `severity`; network errors only a code.
  if ('severity' in e && /^[0-9A-Z]{5}$/.test(code)) {
    return { ...pick(e), code, detail: text(e.detail) };
  }
  return NETWORK_CODES.has(code) ? { code, detail: undefined } : undefined;
}

function pick(
  e: Record<string, unknown>,
): Pick<DatabaseErrorInfo, 'constraint' | 'table' | 'column'> {
  return {
    // postgres.js names them `*_name`; PGlite (pg-protocol) does not.
    constraint: text(e.constraint_name) ?? text(e.constraint),
    table: text(e.table_name) ?? text(e.table),
    column: text(e.column_name) ?? text(e.column),
  };
}

function fieldOf(info: DriverErrorInfo, options: ToDatabaseErrorOptions): string | undefined {
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

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
