/** The Zod schema of the environment: raw strings in, a typed `AppConfig` out. */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { CACHE_DEFAULTS } from '#infra/cache';
import { describeValue } from '../config.errors.js';
import { type AuthConfig, authFields, checkAuthCombinations, toAuthConfig } from './auth-env.js';
import {
  type DRIVERS,
  field,
  isPostgresUrl,
  type LANGS,
  type LOG_LEVELS,
  type LOG_REQUESTS,
  type NODE_ENVS,
  originList,
  RULES,
} from './env-rules.js';
import { type OidcConfig, oidcFields } from './oidc-env.js';

/** The validated, frozen settings of the app; field names are the camelCase of the variables. */
export interface AppConfig extends AuthConfig, OidcConfig {
  readonly nodeEnv: (typeof NODE_ENVS)[number];
  readonly port: number;
  readonly host: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Empty, or a path like `/api/v1` without a trailing slash. */
  readonly apiPrefix: string;
  readonly defaultLang: (typeof LANGS)[number];
  /** A `postgres://` URL, `pglite://memory`, or undefined for PGlite files in `./.data/pglite`. */
  readonly databaseUrl: string | undefined;
  readonly dbPoolMax: number;
  readonly dbConnectTimeoutMs: number;
  readonly dbQueryTimeoutMs: number;
  /** 0 disables the statement timeout. */
  readonly dbStatementTimeoutMs: number;
  readonly dbMigrate: boolean;
  readonly redisUrl: string | undefined;
  readonly cacheDriver: (typeof DRIVERS)[number];
  readonly busDriver: (typeof DRIVERS)[number];
  readonly cachePrefix: string;
  /** `'*'` allows any origin; an empty list allows none. */
  readonly corsOrigins: readonly string[] | '*';
  readonly wsOrigins: readonly string[] | '*';
  readonly bodyLimit: number;
  readonly trustProxy: boolean;
  readonly shutdownTimeoutMs: number;
  /** PM2 instances: all cores with Postgres, 1 with PGlite (single-process). */
  readonly webConcurrency: number;
  /** Deadline for a whole request, body included, in ms: a body still arriving gets 408. */
  readonly requestTimeoutMs: number;
  /** Which requests get an access-log line: all, errors (4xx/5xx and slow) or off. */
  readonly logRequests: (typeof LOG_REQUESTS)[number];
  /** Requests slower than this are logged at warn (in `errors` mode too). */
  readonly logSlowMs: number;
}

function origins() {
  return z.string().transform((raw, ctx) => {
    const result = originList(raw);
    if (result === '*' || !('problem' in result)) return result;
    ctx.addIssue({ code: 'custom', message: result.problem });
    return z.NEVER;
  });
}

const fields = z.object({
  NODE_ENV: field(RULES.nodeEnv).default('development'),
  PORT: field(RULES.port).default(3000),
  HOST: field(RULES.host).default('0.0.0.0'),
  LOG_LEVEL: field(RULES.logLevel).default('info'),
  API_PREFIX: field(RULES.apiPrefix).default(''),
  DEFAULT_LANG: field(RULES.lang).default('en'),
  DATABASE_URL: field(RULES.databaseUrl).optional(),
  DB_POOL_MAX: field(RULES.poolSize).default(10),
  DB_CONNECT_TIMEOUT_MS: field(RULES.positiveMs).default(3000),
  DB_STATEMENT_TIMEOUT_MS: field(RULES.statementMs).default(10_000),
  DB_QUERY_TIMEOUT_MS: field(RULES.positiveMs).default(2000),
  DB_MIGRATE: field(RULES.boolean).default(true),
  REDIS_URL: field(RULES.redisUrl).optional(),
  CACHE_DRIVER: field(RULES.driver).optional(),
  BUS_DRIVER: field(RULES.driver).optional(),
  // The cache's own default, so the variable and CacheModule.forRoot agree on one value.
  CACHE_PREFIX: z.string().default(CACHE_DEFAULTS.prefix),
  CORS_ORIGINS: origins().optional(),
  WS_ORIGINS: origins().optional(),
  BODY_LIMIT: field(RULES.bytes).default(1_048_576),
  TRUST_PROXY: field(RULES.boolean).default(false),
  SHUTDOWN_TIMEOUT_MS: field(RULES.positiveMs).default(10_000),
  WEB_CONCURRENCY: field(RULES.processes).optional(),
  REQUEST_TIMEOUT_MS: field(RULES.positiveMs).default(30_000),
  LOG_REQUESTS: field(RULES.logRequests).default('all'),
  LOG_SLOW_MS: field(RULES.positiveMs).default(1000),
  ...authFields,
  ...oidcFields,
});

type Fields = z.output<typeof fields>;

const COMBINED: ReadonlySet<string> = new Set([
  'CACHE_DRIVER',
  'BUS_DRIVER',
  'REDIS_URL',
  'WEB_CONCURRENCY',
  'DATABASE_URL',
  'AUTH_JWKS_URL',
  'AUTH_JWKS_ISSUER',
]);

/** The rules that span variables: Redis drivers need Redis, several processes need Postgres. */
function checkCombinations(env: Fields, ctx: z.RefinementCtx): void {
  for (const name of ['CACHE_DRIVER', 'BUS_DRIVER'] as const) {
    if (env[name] !== 'redis' || env.REDIS_URL) continue;
    const message = '"redis" needs a Redis server; expected memory, or set REDIS_URL';
    ctx.addIssue({ code: 'custom', path: [name], message });
  }
  const processes = env.WEB_CONCURRENCY ?? 1;
  if (processes > 1 && !isPostgresUrl(env.DATABASE_URL)) {
    const message = `${describeValue(String(processes))} needs a postgres:// DATABASE_URL (PGlite is single-process); expected 1, or set DATABASE_URL`;
    ctx.addIssue({ code: 'custom', path: ['WEB_CONCURRENCY'], message });
  }
  checkAuthCombinations(env, ctx);
}

/** What the schema yields; `loadConfig` adds the providers read from the OIDC_<NAME>_* variables. */
export type SchemaConfig = Omit<AppConfig, 'oidcProviders'>;

/** Applies the defaults that depend on other variables and renames to camelCase. */
function toAppConfig(env: Fields): SchemaConfig {
  const anyOriginInDev = env.NODE_ENV === 'development' ? '*' : [];
  const redisOrMemory = env.REDIS_URL ? 'redis' : 'memory';
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    apiPrefix: env.API_PREFIX,
    defaultLang: env.DEFAULT_LANG,
    databaseUrl: env.DATABASE_URL,
    dbPoolMax: env.DB_POOL_MAX,
    dbConnectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    dbStatementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    dbQueryTimeoutMs: env.DB_QUERY_TIMEOUT_MS,
    dbMigrate: env.DB_MIGRATE,
    redisUrl: env.REDIS_URL,
    cacheDriver: env.CACHE_DRIVER ?? redisOrMemory,
    busDriver: env.BUS_DRIVER ?? redisOrMemory,
    cachePrefix: env.CACHE_PREFIX,
    corsOrigins: Object.freeze(env.CORS_ORIGINS ?? anyOriginInDev),
    wsOrigins: Object.freeze(env.WS_ORIGINS ?? anyOriginInDev),
    bodyLimit: env.BODY_LIMIT,
    trustProxy: env.TRUST_PROXY,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    webConcurrency:
      env.WEB_CONCURRENCY ?? (isPostgresUrl(env.DATABASE_URL) ? availableParallelism() : 1),
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    logRequests: env.LOG_REQUESTS,
    logSlowMs: env.LOG_SLOW_MS,
    ...toAuthConfig(env),
    oidcRedirectBaseUrl: env.OIDC_REDIRECT_BASE_URL,
  };
}

/** The environment's schema: validates every variable, then the combinations, then shapes. */
export const envSchema = fields
  .superRefine(checkCombinations, {
    // Check combinations even when unrelated variables are bad, so one run lists every problem.
    when: ({ issues }) => !issues.some((issue) => COMBINED.has(String(issue.path?.[0]))),
  })
  .transform(toAppConfig);

/** The name of an environment variable the config reads. */
export type EnvName = keyof z.input<typeof fields>;

/** Every variable the config reads, in the order of DESIGN.md's table. */
export const ENV_NAMES = Object.keys(fields.shape) as EnvName[];
