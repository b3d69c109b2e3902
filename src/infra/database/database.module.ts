/** `DatabaseModule.forRoot(options)`: the global data layer (Drizzle, UnitOfWork, health check). */

import type { DynamicModule } from '#core';
import { APP_FILTER, HEALTH_INDICATOR, Module } from '#core';
import { DatabaseHealthIndicator } from './database.health-indicator.js';
import { DATABASE, DATABASE_OPTIONS } from './database.tokens.js';
import { DatabaseConnection } from './database-connection.js';
import { DatabaseErrorFilter } from './database-error.filter.js';
import { type DatabaseModuleOptions, resolveDatabaseOptions } from './database-options.js';
import { UnitOfWork } from './unit-of-work.js';

/**
 * Global: every module can inject `@Inject(DATABASE) db: Db` and `UnitOfWork`. The connection
 * opens and migrates in `onModuleInit` and closes in `onApplicationShutdown`. Repositories throw
 * `DatabaseError`s; the ones a module does not map are answered by `DatabaseErrorFilter`.
 */
@Module({})
export class DatabaseModule {
  /** Configures the driver from `options.url` (postgres.js, PGlite on disk, or in memory). */
  static forRoot(options: DatabaseModuleOptions = {}): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: DATABASE_OPTIONS, useValue: resolveDatabaseOptions(options) },
        DatabaseConnection,
        {
          provide: DATABASE,
          // Async: PGlite's code loads here, only when it is the configured driver.
          useFactory: (connection: DatabaseConnection) => connection.load(),
          inject: [DatabaseConnection],
        },
        UnitOfWork,
        { provide: HEALTH_INDICATOR, useClass: DatabaseHealthIndicator },
        { provide: APP_FILTER, useClass: DatabaseErrorFilter },
      ],
      exports: [DATABASE, UnitOfWork, DatabaseConnection],
    };
  }
}
