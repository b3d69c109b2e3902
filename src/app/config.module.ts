/** Makes the loaded config and the HTTP options derived from it injectable everywhere. */
import { type DynamicModule, HTTP_OPTIONS, type HttpOptions, Module } from '#core';
import { type AppConfig, CONFIG } from './config.js';

/** The HTTP server settings the config implies. */
export function httpOptionsFrom(config: AppConfig): HttpOptions {
  return {
    prefix: config.apiPrefix,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestTimeoutMs: config.requestTimeoutMs,
    corsOrigins: config.corsOrigins,
    helmet: true,
    docs: { title: 'Keel API', version: '0.1.0', description: 'Generated from the route schemas' },
    production: config.nodeEnv === 'production',
    defaultLang: config.defaultLang,
    logRequests: config.logRequests,
    logSlowMs: config.logSlowMs,
  };
}

/** Global: `@Inject(CONFIG) config: AppConfig` works in every module. */
@Module({})
export class ConfigModule {
  /** Registers an already validated config. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: HTTP_OPTIONS, useValue: httpOptionsFrom(config) },
      ],
      exports: [CONFIG, HTTP_OPTIONS],
    };
  }
}
