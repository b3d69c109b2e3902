/** The Keel app of the OIDC tests: auth, cache, identity and OIDC modules on a test database. */
import type { Logger } from 'pino';
import { type App, createTestingModule } from '#core';
import { AttemptsModule } from '#infra/attempts';
import { AuthModule } from '#infra/auth';
import { CacheModule } from '#infra/cache';
import { DatabaseModule } from '#infra/database';
import { IdentityModule } from '#modules/identity';
import { OidcModule, type OidcModuleOptions } from '#modules/oidc';
import type { TestDatabase } from '../../../helpers/test-database.js';

/** Where the app says it lives (requests reach it through `inject`, so nothing listens there). */
export const APP_BASE = 'http://keel.test';

/** Builds the app with these providers (fast argon2, in-memory keys and cache). */
export function compileOidcApp(options: {
  database: TestDatabase;
  oidc: Partial<OidcModuleOptions> & Pick<OidcModuleOptions, 'providers'>;
  logger?: Logger;
}): Promise<App> {
  return createTestingModule({
    imports: [
      DatabaseModule.forRoot(options.database.moduleOptions()),
      CacheModule.forRoot({ driver: 'memory' }),
      AuthModule.forRoot({
        issuer: 'keel',
        audience: 'keel-api',
        keys: { generateIfMissing: 'memory' },
      }),
      AttemptsModule.forRoot({ driver: 'memory' }),
      IdentityModule.forRoot({ argon2: { memoryKib: 1024, iterations: 1, parallelism: 1 } }),
      OidcModule.forRoot({ redirectBaseUrl: APP_BASE, ...options.oidc }),
    ],
  }).compile(options.logger ? { logger: options.logger } : {});
}
