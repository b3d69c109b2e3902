/** Behaviour of loadConfig on valid environments: defaults and each rule. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';

/** Loads the config from `env` alone, never the developer's own `.env`. */
function load(env: Record<string, string>) {
  return loadConfig(env, { envFile: false });
}

/** The AUTH_* settings of an empty environment (test/app/auth-config.test.ts covers each rule). */
const AUTH_DEFAULTS = {
  authIssuer: 'keel',
  authAudience: 'keel-api',
  authKeysDir: './.data/keys',
  authPrivateKey: undefined,
  authAccessTtlSeconds: 900,
  authRefreshTtlSeconds: 2_592_000,
  authJwksUrl: undefined,
  authJwksIssuer: undefined,
  authProtectExamples: false,
  authArgon2MemoryKib: 19_456,
  authArgon2Iterations: 2,
  authArgon2Parallelism: 1,
  authSigninMaxAttempts: 10,
  authSigninIpMaxAttempts: 100,
  authSigninWindowSeconds: 60,
  oidcProviders: [],
  oidcRedirectBaseUrl: 'http://localhost:3000',
};

describe('loadConfig defaults', () => {
  it('gives DESIGN.md defaults for an empty environment', () => {
    expect(load({})).toEqual({
      nodeEnv: 'development',
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      apiPrefix: '',
      defaultLang: 'en',
      databaseUrl: undefined,
      dbPoolMax: 10,
      dbConnectTimeoutMs: 3000,
      dbStatementTimeoutMs: 10_000,
      dbQueryTimeoutMs: 2000,
      dbMigrate: true,
      redisUrl: undefined,
      cacheDriver: 'memory',
      busDriver: 'memory',
      cachePrefix: 'keel:',
      corsOrigins: '*',
      wsOrigins: '*',
      bodyLimit: 1_048_576,
      trustProxy: false,
      shutdownTimeoutMs: 10_000,
      webConcurrency: 1,
      requestTimeoutMs: 30_000,
      logRequests: 'all',
      logSlowMs: 1000,
      ...AUTH_DEFAULTS,
    });
  });

  it('returns a frozen config, lists included', () => {
    const config = load({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.corsOrigins)).toBe(true);
    expect(() => Object.assign(config, { port: 1 })).toThrow(TypeError);
  });

  it('treats an empty variable as unset', () => {
    expect(load({ PORT: '', HOST: '  ', DB_MIGRATE: '' })).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dbMigrate: true,
    });
  });

  it('reads every variable when set', () => {
    const config = load({
      NODE_ENV: 'production',
      PORT: '8080',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'DEBUG',
      API_PREFIX: '/api/v1',
      DEFAULT_LANG: 'pt-br',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      DB_POOL_MAX: '20',
      DB_CONNECT_TIMEOUT_MS: '500',
      DB_STATEMENT_TIMEOUT_MS: '0',
      DB_QUERY_TIMEOUT_MS: '1500',
      DB_MIGRATE: 'false',
      REDIS_URL: 'redis://127.0.0.1:6379',
      CACHE_DRIVER: 'memory',
      BUS_DRIVER: 'redis',
      CACHE_PREFIX: 'app:',
      CORS_ORIGINS: 'https://a.example, http://localhost:5173',
      WS_ORIGINS: '*',
      BODY_LIMIT: '2048',
      TRUST_PROXY: '1',
      SHUTDOWN_TIMEOUT_MS: '15000',
      WEB_CONCURRENCY: '4',
      REQUEST_TIMEOUT_MS: '5000',
      LOG_REQUESTS: 'Errors',
      LOG_SLOW_MS: '250',
    });
    expect(config).toEqual({
      nodeEnv: 'production',
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'debug',
      apiPrefix: '/api/v1',
      defaultLang: 'pt-BR',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      dbPoolMax: 20,
      dbConnectTimeoutMs: 500,
      dbStatementTimeoutMs: 0,
      dbQueryTimeoutMs: 1500,
      dbMigrate: false,
      redisUrl: 'redis://127.0.0.1:6379',
      cacheDriver: 'memory',
      busDriver: 'redis',
      cachePrefix: 'app:',
      corsOrigins: ['https://a.example', 'http://localhost:5173'],
      wsOrigins: '*',
      bodyLimit: 2048,
      trustProxy: true,
      shutdownTimeoutMs: 15_000,
      webConcurrency: 4,
      requestTimeoutMs: 5000,
      logRequests: 'errors',
      logSlowMs: 250,
      ...AUTH_DEFAULTS,
    });
  });
});

describe('loadConfig rules', () => {
  it('defaults CACHE_DRIVER and BUS_DRIVER to redis when REDIS_URL is set', () => {
    const config = load({ REDIS_URL: 'redis://127.0.0.1:6379' });
    expect([config.cacheDriver, config.busDriver]).toEqual(['redis', 'redis']);
  });

  it('allows * in development and no origin otherwise by default', () => {
    expect(load({ NODE_ENV: 'development' }).corsOrigins).toBe('*');
    for (const nodeEnv of ['production', 'test']) {
      const config = load({ NODE_ENV: nodeEnv });
      expect([config.corsOrigins, config.wsOrigins]).toEqual([[], []]);
    }
  });

  it('reads an empty origin list as "no origin", even in development', () => {
    expect(load({ CORS_ORIGINS: '', WS_ORIGINS: ' , ' })).toMatchObject({
      corsOrigins: [],
      wsOrigins: [],
    });
  });

  it('normalises origins to what browsers send', () => {
    const config = load({ WS_ORIGINS: 'HTTPS://App.Example:443,http://127.0.0.1:3000' });
    expect(config.wsOrigins).toEqual(['https://app.example', 'http://127.0.0.1:3000']);
  });

  it('accepts postgresql:// and pglite://memory database URLs', () => {
    const url = 'postgresql://u:p@db.internal/app';
    expect(load({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(load({ DATABASE_URL: 'pglite://memory' }).databaseUrl).toBe('pglite://memory');
  });

  it('accepts true/false/1/0 in any case for booleans', () => {
    expect(load({ TRUST_PROXY: 'TRUE', DB_MIGRATE: '0' })).toMatchObject({
      trustProxy: true,
      dbMigrate: false,
    });
  });

  it('defaults WEB_CONCURRENCY to the cores with Postgres and to 1 with PGlite', () => {
    const postgres = 'postgres://postgres@127.0.0.1:5432/test';
    expect(load({ DATABASE_URL: postgres }).webConcurrency).toBe(availableParallelism());
    expect(load({ DATABASE_URL: 'pglite://memory' }).webConcurrency).toBe(1);
    expect(load({ WEB_CONCURRENCY: '1' }).webConcurrency).toBe(1);
  });

  it('accepts a rediss:// URL and a password-protected one', () => {
    const url = 'rediss://:secret@cache.example:6380/2';
    expect(load({ REDIS_URL: url }).redisUrl).toBe(url);
  });
});
