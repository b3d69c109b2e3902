/** The composition root: which modules the app runs and which adapters back the ports. */
import { type DynamicModule, Module } from '#core';
import { AuthModule } from '#infra/auth';
import { BusModule } from '#infra/bus';
import { CacheModule } from '#infra/cache';
import { DatabaseModule } from '#infra/database';
import { RedisModule } from '#infra/redis';
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
    AuthModule.forRoot(authOptions(config)),
  ];
}

/**
 * Token settings from AUTH_*. Keys come from AUTH_PRIVATE_KEY or AUTH_KEYS_DIR; development writes
 * one into AUTH_KEYS_DIR on first boot, tests keep one in memory, production refuses to start
 * without keys (every worker must sign with the same ones: `npm run gen:keys`).
 */
export function authOptions(config: AppConfig) {
  const generate = { production: false, test: 'memory', development: 'file' } as const;
  return {
    issuer: config.authIssuer,
    audience: config.authAudience,
    accessTtlSeconds: config.authAccessTtlSeconds,
    keys: {
      privateKeys: config.authPrivateKey,
      dir: config.authKeysDir,
      generateIfMissing: generate[config.nodeEnv],
    },
    ...(config.authJwksUrl && config.authJwksIssuer
      ? { external: { jwksUrl: config.authJwksUrl, issuer: config.authJwksIssuer } }
      : {}),
  };
}
