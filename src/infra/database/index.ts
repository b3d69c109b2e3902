/** The data layer's public surface for modules and the composition root. */

export {
  BaseRepository,
  type ColumnOf,
  type FindManyOptions,
  type IdOf,
  MAX_PAGE_SIZE,
  type Page,
  type RowOf,
  type TableWithId,
} from './base.repository.js';
export {
  CheckViolation,
  DatabaseError,
  type DatabaseErrorInfo,
  DatabaseUnavailable,
  DataException,
  type DataExceptionReason,
  ForeignKeyViolation,
  NotNullViolation,
  TransactionConflict,
  UniqueViolation,
} from './database.errors.js';
export { DatabaseHealthIndicator } from './database.health-indicator.js';
export { DatabaseModule } from './database.module.js';
export { DATABASE, type Db } from './database.tokens.js';
export { DatabaseConnection } from './database-connection.js';
export { DatabaseErrorFilter } from './database-error.filter.js';
export type { DatabaseModuleOptions } from './database-options.js';
export {
  databaseErrorCode,
  type ToDatabaseErrorOptions,
  toDatabaseError,
} from './to-database-error.js';
export { TRANSACTIONAL, Transactional } from './transactional.decorator.js';
export { type TransactionOptions, UnitOfWork } from './unit-of-work.js';
