/** The data layer's errors: what a failed query means, never the values it carried. */

/** What a failed query may safely say: its SQLSTATE (or driver code) and where, never values. */
export interface DatabaseErrorInfo {
  /** SQLSTATE (`23505`) or driver/network code (`ECONNRESET`, `CONNECT_TIMEOUT`). */
  code: string | undefined;
  constraint?: string | undefined;
  table?: string | undefined;
  /** The column as Postgres names it (`created_at`). */
  column?: string | undefined;
  /** The offending column(s) as the table's property keys: `email`, `tenantId,email`. */
  field?: string | undefined;
}

/**
 * Base of everything the data layer throws for a failed query; a plain `DatabaseError` is a
 * failure no subclass describes (a 500). The message names the code, table, constraint and
 * field only: the driver's message is dropped (Drizzle's holds the bound parameters, Postgres's
 * detail the row values), so it is safe to log. Modules map the subclasses they expect to their
 * own HttpErrors; `DatabaseErrorFilter` answers the rest.
 */
export class DatabaseError extends Error {
  readonly code: string | undefined;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly field: string | undefined;

  constructor(info: DatabaseErrorInfo, what = 'Database query failed') {
    const where = [
      info.table && `table ${info.table}`,
      info.constraint && `constraint ${info.constraint}`,
      info.field && `field ${info.field}`,
    ]
      .filter(Boolean)
      .join(', ');
    super(`${what} (${info.code ?? 'no code'})${where ? ` on ${where}` : ''}`);
    this.name = new.target.name;
    this.code = info.code;
    this.constraint = info.constraint;
    this.table = info.table;
    this.column = info.column;
    this.field = info.field;
  }
}

/** 23505: the unique constraint `constraint` on `field` already holds that value. */
export class UniqueViolation extends DatabaseError {
  constructor(info: DatabaseErrorInfo) {
    super(info, 'Unique violation');
  }
}

/** 23503: `field` references a row that does not exist (or a referenced row was deleted). */
export class ForeignKeyViolation extends DatabaseError {
  constructor(info: DatabaseErrorInfo) {
    super(info, 'Foreign key violation');
  }
}

/** 23502: `field` is NOT NULL and got no value. */
export class NotNullViolation extends DatabaseError {
  constructor(info: DatabaseErrorInfo) {
    super(info, 'Not-null violation');
  }
}

/** 23514: the check constraint `constraint` rejected the row (it may span several columns). */
export class CheckViolation extends DatabaseError {
  constructor(info: DatabaseErrorInfo) {
    super(info, 'Check violation');
  }
}

/** What kind of bad value a `DataException` reports (Postgres's condition names, never the value). */
export type DataExceptionReason =
  | 'invalid_text_representation'
  | 'numeric_value_out_of_range'
  | 'string_data_right_truncation'
  | 'invalid_datetime_format'
  | 'datetime_field_overflow'
  | 'character_not_in_repertoire'
  | 'untranslatable_character'
  | 'invalid_json_text'
  | 'division_by_zero'
  | 'data_exception';

const DATA_EXCEPTION_REASONS: Readonly<Record<string, DataExceptionReason>> = {
  '22P02': 'invalid_text_representation',
  '22003': 'numeric_value_out_of_range',
  '22001': 'string_data_right_truncation',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
  '22021': 'character_not_in_repertoire',
  '22P05': 'untranslatable_character',
  '22032': 'invalid_json_text',
  '22012': 'division_by_zero',
};

/**
 * SQLSTATE class 22: a value the column's type cannot hold (text where a number belongs, a number
 * out of range, an impossible date, text too long, a NUL byte). `field` is set when Postgres names
 * the column, which it rarely does for this class.
 */
export class DataException extends DatabaseError {
  readonly reason: DataExceptionReason;

  constructor(info: DatabaseErrorInfo) {
    super(info, 'Invalid data');
    this.reason = DATA_EXCEPTION_REASONS[info.code ?? ''] ?? 'data_exception';
  }
}

/** 40001 / 40P01: the transaction lost to a concurrent one; running it again may succeed. */
export class TransactionConflict extends DatabaseError {
  readonly reason: 'serialization_failure' | 'deadlock';

  constructor(info: DatabaseErrorInfo) {
    const reason = info.code === '40P01' ? 'deadlock' : 'serialization_failure';
    super(info, reason === 'deadlock' ? 'Deadlock' : 'Serialization failure');
    this.reason = reason;
  }
}

/**
 * The database cannot answer now: connection refused or lost, server shutting down, too many
 * clients, or a statement over its timeout. Worth retrying later; the app recovers by itself.
 */
export class DatabaseUnavailable extends DatabaseError {
  constructor(info: DatabaseErrorInfo) {
    super(info, 'Database unavailable');
  }
}
