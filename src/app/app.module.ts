/** The composition root: which modules the app runs and which adapters back the ports. */
import { type DynamicModule, Module } from '#core';
import { BusModule } from '#infra/bus';
import { CacheModule } from '#infra/cache';
import { DatabaseModule } from '#infra/database';
import { RedisModule } from '#infra/redis';
import { WsModule } from '#infra/ws';
import { HealthModule } from '#modules/health';
import { NotificationModule } from '#modules/notification';
import { UserModule } from '#modules/user';
import { authInfrastructure, identityModules } from './auth-modules.js';
import type { AppConfig } from './config.js';
import { ConfigModule } from './config.module.js';

/** `createApp(AppModule.forRoot(loadConfig()))`: everything wired from one validated config. */
@Module({})
export class AppModule {
  /** The whole app for `config`. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ...infrastructure(config),
        HealthModule,
        ...identityModules(config),
        UserModule.forRoot({ protectWrites: config.authProtectExamples }),
        NotificationModule,
      ],
    };
  }
}

/**
 * The technical modules, with the adapters the config selects. `RedisModule` (the one owner of
 * Redis connections) is there only when `REDIS_URL` is set; without it nothing loads ioredis.
 */
export function infrastructure(config: AppConfig): DynamicModule[] {
  const redis = config.redisUrl ? [RedisModule.forRoot({ url: config.redisUrl })] : [];
  return [
    ...redis,
    DatabaseModule.forRoot({
      url: config.databaseUrl,
      poolMax: config.dbPoolMax,
      connectTimeoutMs: config.dbConnectTimeoutMs,
      statementTimeoutMs: config.dbStatementTimeoutMs,
      queryTimeoutMs: config.dbQueryTimeoutMs,
      migrate: config.dbMigrate,
    }),
    CacheModule.forRoot({ driver: config.cacheDriver, prefix: config.cachePrefix }),
    BusModule.forRoot({ driver: config.busDriver }),
    WsModule.forRoot({ origins: config.wsOrigins }),
    ...authInfrastructure(config),
  ];
}
