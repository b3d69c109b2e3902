/** The data layer's value-free query error (the 503 is the kernel's `DatabaseUnavailableError`). */

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
