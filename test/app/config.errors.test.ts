/** Behaviour of loadConfig on invalid environments: one clear line per bad variable, no secrets. */
import { describe, expect, it } from 'vitest';
import { ConfigError, formatConfigError, loadConfig } from '../../src/app/config.js';

const LINK = '  See: docs/errors.md#keel_config_invalid';

/** The error lines `loadConfig` throws for `env` (never reading the developer's `.env`), link line off. */
function errorLines(env: Record<string, string>): string[] {
  try {
    loadConfig(env, { envFile: false });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ code: 'KEEL_CONFIG_INVALID' });
    const lines = (error as ConfigError).message.split('\n');
    expect(lines.pop()).toBe(LINK);
    return lines;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

const ORIGINS = 'expected * or a comma-separated list of origins such as https://app.example.com';
const PG = 'postgres://user:password@host:5432/database, postgresql://... or pglite://memory';

const cases: Array<[string, Record<string, string>, string]> = [
  [
    'NODE_ENV',
    { NODE_ENV: 'staging' },
    'NODE_ENV: "staging" is not an environment; expected development, production or test',
  ],
  ['PORT', { PORT: 'abc' }, 'PORT: "abc" is not a port; expected an integer from 0 to 65535'],
  [
    'PORT range',
    { PORT: '65536' },
    'PORT: "65536" is not a port; expected an integer from 0 to 65535',
  ],
  [
    'HOST',
    { HOST: 'local host' },
    'HOST: "local host" is not a host; expected a hostname or IP address such as 0.0.0.0 or 127.0.0.1',
  ],
  [
    'LOG_LEVEL',
    { LOG_LEVEL: 'verbose' },
    'LOG_LEVEL: "verbose" is not a log level; expected fatal, error, warn, info, debug, trace or silent',
  ],
  [
    'LOG_REQUESTS',
    { LOG_REQUESTS: 'some' },
    'LOG_REQUESTS: "some" is not a request log mode; expected all, errors or off',
  ],
  [
    'LOG_SLOW_MS',
    { LOG_SLOW_MS: '-1' },
    'LOG_SLOW_MS: "-1" is not a duration; expected a whole positive number of milliseconds',
  ],
  [
    'API_PREFIX slash',
    { API_PREFIX: '/api/' },
    'API_PREFIX: "/api/" is not a route prefix; expected empty or a path starting with / and without a trailing slash, such as /api/v1',
  ],
  [
    'API_PREFIX start',
    { API_PREFIX: 'api' },
    'API_PREFIX: "api" is not a route prefix; expected empty or a path starting with / and without a trailing slash, such as /api/v1',
  ],
  [
    'DEFAULT_LANG',
    { DEFAULT_LANG: 'fr' },
    'DEFAULT_LANG: "fr" is not a supported language; expected en, es or pt-BR',
  ],
  [
    'DATABASE_URL',
    { DATABASE_URL: 'mysql://localhost/db' },
    `DATABASE_URL: "mysql://localhost/db" is not a database URL; expected ${PG}`,
  ],
  [
    'DATABASE_URL pglite',
    { DATABASE_URL: 'pglite://disk' },
    `DATABASE_URL: "pglite://disk" is not a database URL; expected ${PG}`,
  ],
  [
    'DB_POOL_MAX',
    { DB_POOL_MAX: '0' },
    'DB_POOL_MAX: "0" is not a pool size; expected an integer from 1 to 1000',
  ],
  [
    'DB_CONNECT_TIMEOUT_MS',
    { DB_CONNECT_TIMEOUT_MS: '3s' },
    'DB_CONNECT_TIMEOUT_MS: "3s" is not a duration; expected a whole positive number of milliseconds',
  ],
  [
    'DB_STATEMENT_TIMEOUT_MS',
    { DB_STATEMENT_TIMEOUT_MS: '-1' },
    'DB_STATEMENT_TIMEOUT_MS: "-1" is not a duration; expected a whole number of milliseconds (0 disables it)',
  ],
  [
    'DB_MIGRATE',
    { DB_MIGRATE: 'yes' },
    'DB_MIGRATE: "yes" is not a boolean; expected true, false, 1 or 0',
  ],
  [
    'REDIS_URL',
    { REDIS_URL: 'localhost:6379' },
    'REDIS_URL: "localhost:6379" is not a Redis URL; expected redis://[user:password@]host:6379[/db] or rediss://... for TLS',
  ],
  [
    'CACHE_DRIVER',
    { CACHE_DRIVER: 'memcached' },
    'CACHE_DRIVER: "memcached" is not a driver; expected memory or redis',
  ],
  [
    'BUS_DRIVER',
    { BUS_DRIVER: 'kafka' },
    'BUS_DRIVER: "kafka" is not a driver; expected memory or redis',
  ],
  [
    'CACHE_DRIVER without Redis',
    { CACHE_DRIVER: 'redis' },
    'CACHE_DRIVER: "redis" needs a Redis server; expected memory, or set REDIS_URL',
  ],
  [
    'BUS_DRIVER without Redis',
    { BUS_DRIVER: 'redis' },
    'BUS_DRIVER: "redis" needs a Redis server; expected memory, or set REDIS_URL',
  ],
  [
    'CORS_ORIGINS',
    { CORS_ORIGINS: 'https://ok.example,app.example' },
    `CORS_ORIGINS: "app.example" is not an origin; ${ORIGINS}`,
  ],
  [
    'WS_ORIGINS',
    { WS_ORIGINS: 'https://a.example/path, ftp://b.example' },
    `WS_ORIGINS: "https://a.example/path", "ftp://b.example" are not origins; ${ORIGINS}`,
  ],
  [
    'WS_ORIGINS trailing slash',
    { WS_ORIGINS: 'https://a.example/' },
    `WS_ORIGINS: "https://a.example/" is not an origin; ${ORIGINS}`,
  ],
  [
    'CORS_ORIGINS star',
    { CORS_ORIGINS: '*,https://a.example' },
    'CORS_ORIGINS: "*,https://a.example" mixes * with origins; expected * alone or origins',
  ],
  [
    'BODY_LIMIT',
    { BODY_LIMIT: '1mb' },
    'BODY_LIMIT: "1mb" is not a size; expected a whole positive number of bytes',
  ],
  [
    'TRUST_PROXY',
    { TRUST_PROXY: 'on' },
    'TRUST_PROXY: "on" is not a boolean; expected true, false, 1 or 0',
  ],
  [
    'SHUTDOWN_TIMEOUT_MS',
    { SHUTDOWN_TIMEOUT_MS: '0' },
    'SHUTDOWN_TIMEOUT_MS: "0" is not a duration; expected a whole positive number of milliseconds',
  ],
  [
    'REQUEST_TIMEOUT_MS',
    { REQUEST_TIMEOUT_MS: '30s' },
    'REQUEST_TIMEOUT_MS: "30s" is not a duration; expected a whole positive number of milliseconds',
  ],
  [
    'WEB_CONCURRENCY',
    { WEB_CONCURRENCY: 'max' },
    'WEB_CONCURRENCY: "max" is not a process count; expected an integer from 1 to 1024',
  ],
  [
    'WEB_CONCURRENCY with PGlite',
    { WEB_CONCURRENCY: '2', DATABASE_URL: 'pglite://memory' },
    'WEB_CONCURRENCY: "2" needs a postgres:// DATABASE_URL (PGlite is single-process); expected 1, or set DATABASE_URL',
  ],
];

describe('loadConfig errors', () => {
  it.each(cases)('reports a bad %s in one line', (_, env, line) => {
    expect(errorLines(env)).toEqual([line]);
  });

  it('reports every bad variable at once, combinations included', () => {
    const lines = errorLines({ PORT: 'x', LOG_LEVEL: 'loud', BUS_DRIVER: 'redis' });
    expect(lines.map((line) => line.split(':')[0])).toEqual(['PORT', 'LOG_LEVEL', 'BUS_DRIVER']);
  });

  it('masks passwords in the URLs it shows', () => {
    const [line] = errorLines({ DATABASE_URL: 'mysql://app:s3cr3t@db.example/app' });
    expect(line).toContain('"mysql://app:***@db.example/app"');
    const [redis] = errorLines({ REDIS_URL: 'http://:hunter2@cache?password=hunter3' });
    expect(redis).toContain('"http://:***@cache?password=***"');
    expect(`${line}${redis}`).not.toMatch(/s3cr3t|hunter/);
  });

  it('masks a password that itself contains @', () => {
    const [line] = errorLines({ REDIS_URL: 'tcp://u:p@ss@host' });
    expect(line).toContain('"tcp://u:***@host"');
    expect(line).not.toContain('ss@');
  });

  it('formats the lines under a heading for stderr, then the link to the error entry', () => {
    const error = new ConfigError([{ variable: 'PORT', problem: '"abc" is not a port' }]);
    expect(formatConfigError(error).split('\n')).toEqual([
      'Invalid configuration: fix these environment variables (or .env) and start again.',
      '  PORT: "abc" is not a port',
      LINK,
    ]);
  });
});
