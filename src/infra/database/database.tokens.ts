/** The injection tokens of the data layer and the driver-neutral Drizzle database type. */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { createToken } from '#core';
import type { ResolvedDatabaseOptions } from './database-options.js';

/** A Drizzle Postgres database (or open transaction) on either driver: postgres.js or PGlite. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** The Drizzle instance: `@Inject(DATABASE) db: Db`. Prefer repositories and `UnitOfWork`. */
export const DATABASE = createToken<Db>('Database');

/** The resolved options `DatabaseModule.forRoot` was given. */
export const DATABASE_OPTIONS = createToken<ResolvedDatabaseOptions>('DatabaseOptions');
