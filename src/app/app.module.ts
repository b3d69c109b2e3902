/** The composition root: which modules the app runs and which adapters back the ports. */
import { type DynamicModule, Module } from '#core';
import { BusModule } from '#infra/bus';
import { CacheModule } from '#infra/cache';
import { DatabaseModule } from '#infra/database';
import { WsModule } from '#infra/ws';
import { HealthModule } from '#modules/health';
import { NotificationModule } from '#modules/notification';
import { UserModule } from '#modules/user';
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
        UserModule,
        NotificationModule,
      ],
    };
  }
}

/** The technical modules, with the adapters the config selects. */
export function infrastructure(config: AppConfig): DynamicModule[] {
  return [
    DatabaseModule.forRoot({
      url: config.databaseUrl,
      poolMax: config.dbPoolMax,
      connectTimeoutMs: config.dbConnectTimeoutMs,
      statementTimeoutMs: config.dbStatementTimeoutMs,
      migrate: config.dbMigrate,
    }),
    CacheModule.forRoot({
      driver: config.cacheDriver,
      url: config.redisUrl,
      prefix: config.cachePrefix,
    }),
    BusModule.forRoot({ driver: config.busDriver, url: config.redisUrl }),
    WsModule.forRoot({ origins: config.wsOrigins }),
  ];
}
