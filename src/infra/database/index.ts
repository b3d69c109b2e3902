/** The data layer's public surface for modules and the composition root. */

export { DatabaseUnavailableError } from '#core';
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
export { DatabaseQueryError } from './database.errors.js';
export { DatabaseHealthIndicator } from './database.health-indicator.js';
export { DatabaseModule } from './database.module.js';
export { DATABASE, type Db } from './database.tokens.js';
export { DatabaseConnection } from './database-connection.js';
export type { DatabaseModuleOptions } from './database-options.js';
export {
  databaseErrorCode,
  type ToHttpErrorOptions,
  toDatabaseError,
  toHttpError,
} from './to-http-error.js';
export { TRANSACTIONAL, Transactional } from './transactional.decorator.js';
export { type TransactionOptions, UnitOfWork } from './unit-of-work.js';
