/** The data layer's errors: a 503 for an unreachable database and a value-free query error. */
import type { HttpErrorOptions } from '../../core/http/errors/http-error.js';
import { ServiceUnavailableError } from '../../core/http/errors/http-errors.js';

/** 503 DATABASE_UNAVAILABLE with `Retry-After: 5`: connection refused, reset, timed out or shut down. */
export class DatabaseUnavailableError extends ServiceUnavailableError {
  constructor(options: HttpErrorOptions = {}) {
    super({
      ...options,
      code: 'DATABASE_UNAVAILABLE',
      headers: { 'Retry-After': '5', ...options.headers },
    });
  }
}

/** What a failed query may safely say: its SQLSTATE (or driver code) and constraint, never values. */
export interface DatabaseQueryErrorInfo {
  /** SQLSTATE (`23505`) or driver/network code (`ECONNRESET`, `CONNECT_TIMEOUT`). */
  code: string | undefined;
  constraint?: string | undefined;
  table?: string | undefined;
  column?: string | undefined;
}

/**
 * Replaces a driver error whose message carries bound parameters (Drizzle's "params: ...") or
 * row values (Postgres's "Key (email)=(...)"). Safe to log; used as the `cause` of mapped errors.
 */
export class DatabaseQueryError extends Error {
  readonly code: string | undefined;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;

  constructor(info: DatabaseQueryErrorInfo) {
    const where = [
      info.table && `table ${info.table}`,
      info.constraint && `constraint ${info.constraint}`,
    ]
      .filter(Boolean)
      .join(', ');
    super(`Database query failed (${info.code ?? 'no code'})${where ? ` on ${where}` : ''}`);
    this.name = 'DatabaseQueryError';
    this.code = info.code;
    this.constraint = info.constraint;
    this.table = info.table;
    this.column = info.column;
  }
}
