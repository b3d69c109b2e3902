/** Answers the database errors a module did not map itself, as DESIGN.md's wire format says. */
import {
  BadRequestError,
  Catch,
  ConflictError,
  DatabaseUnavailableError,
  type ExceptionFilter,
  Injectable,
} from '#core';
import {
  CheckViolation,
  DatabaseError,
  DatabaseUnavailable,
  DataException,
  ForeignKeyViolation,
  NotNullViolation,
  TransactionConflict,
  UniqueViolation,
} from './database.errors.js';

/** Seconds a client should wait before retrying after a 503 DATABASE_UNAVAILABLE. */
const RETRY_AFTER_S = '5';

/**
 * Registered app-wide by `DatabaseModule` (`APP_FILTER`). Returns the HttpError the kernel's
 * error handler answers with: 409 CONFLICT for unique and foreign key violations and lost
 * transaction races, 400 for not-null and check violations, 400 INVALID_DATA for a value its
 * column's type rejects (SQLSTATE class 22), 503 DATABASE_UNAVAILABLE with Retry-After, and the
 * error itself (a 500 INTERNAL) otherwise. Fields are named, values never.
 */
@Injectable()
@Catch(DatabaseError)
export class DatabaseErrorFilter implements ExceptionFilter<DatabaseError> {
  catch(error: DatabaseError): Error {
    const cause = error;
    const field = error.field === undefined ? undefined : { field: error.field };
    if (error instanceof DatabaseUnavailable) {
      return new DatabaseUnavailableError({ cause, headers: { 'Retry-After': RETRY_AFTER_S } });
    }
    if (error instanceof UniqueViolation || error instanceof ForeignKeyViolation) {
      return new ConflictError({ details: field, cause });
    }
    if (error instanceof TransactionConflict) {
      return new ConflictError({ details: { reason: error.reason }, cause });
    }
    if (error instanceof NotNullViolation) return new BadRequestError({ details: field, cause });
    if (error instanceof DataException) {
      // 400 like the other rejected values: the client sent something the column cannot hold.
      const details = { reason: error.reason, ...field };
      return new BadRequestError({ code: 'INVALID_DATA', details, cause });
    }
    if (error instanceof CheckViolation) {
      // A check may span several columns: name the constraint rather than guess a field.
      const constraint =
        error.constraint === undefined ? undefined : { constraint: error.constraint };
      return new BadRequestError({ details: constraint, cause });
    }
    return error;
  }
}
