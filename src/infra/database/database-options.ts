/** What `DatabaseModule.forRoot` accepts, its defaults, and which driver a URL selects. */
import type { PGlite } from '@electric-sql/pglite';
import { badDatabaseOption, unsupportedDatabaseUrl } from '../infra-errors.js';

/** Options of `DatabaseModule.forRoot`; every field has a default (see DESIGN.md). */
export interface DatabaseModuleOptions {
  /** `postgres://` / `postgresql://` -> postgres.js; unset -> PGlite in `dataDir`; `pglite://memory`. */
  url?: string;
  /** postgres.js pool size. Default 10. */
  poolMax?: number;
  /** How long opening a connection may take before queries fail. Default 3000. */
  connectTimeoutMs?: number;
  /** Server-side `statement_timeout` of every pooled connection (0: none). Default 10000. */
  statementTimeoutMs?: number;
  /**
   * Client-side deadline of each query, waiting for a pool slot included: past it the query is
   * cancelled and fails with `DatabaseUnavailable` (`QUERY_TIMEOUT`, a 503). Default 2000.
   */
  queryTimeoutMs?: number;
  /** Consecutive connectivity failures or timeouts that open the circuit breaker. Default 5. */
  circuitThreshold?: number;
  /** While the breaker is open, how often a fresh connection probes the server. Default 1000. */
  circuitProbeMs?: number;
  /** Apply pending migrations in `onModuleInit`. Default true. */
  migrate?: boolean;
  /** Folder of drizzle-kit SQL migrations (with `meta/_journal.json`). Default `./drizzle`. */
  migrationsFolder?: string;
  /** Bound on waiting for the migration lock plus each migration statement. Default 300000. */
  migrationTimeoutMs?: number;
  /** Where PGlite persists when `url` is unset. Default `./.data/pglite`. */
  dataDir?: string;
  /** An already open PGlite to use instead of opening one (tests share one per worker); never closed here. */
  pglite?: PGlite;
}

/** Which driver runs and where it connects. */
export type DatabaseTarget =
  | { driver: 'postgres'; url: string }
  | { driver: 'pglite'; dataDir: string | undefined; instance: PGlite | undefined };

/** Options with every default applied. */
export interface ResolvedDatabaseOptions {
  target: DatabaseTarget;
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  queryTimeoutMs: number;
  circuitThreshold: number;
  circuitProbeMs: number;
  migrate: boolean;
  migrationsFolder: string;
  migrationTimeoutMs: number;
}

/** Applies defaults and validates the URL scheme (a wrong scheme fails at boot, with the fix). */
export function resolveDatabaseOptions(
  options: DatabaseModuleOptions = {},
): ResolvedDatabaseOptions {
  return {
    target: resolveTarget(options),
    poolMax: positive('poolMax', options.poolMax ?? 10),
    connectTimeoutMs: positive('connectTimeoutMs', options.connectTimeoutMs ?? 3000),
    statementTimeoutMs: notNegative('statementTimeoutMs', options.statementTimeoutMs ?? 10_000),
    queryTimeoutMs: positive('queryTimeoutMs', options.queryTimeoutMs ?? 2000),
    circuitThreshold: positive('circuitThreshold', options.circuitThreshold ?? 5),
    circuitProbeMs: positive('circuitProbeMs', options.circuitProbeMs ?? 1000),
    migrate: options.migrate ?? true,
    migrationsFolder: options.migrationsFolder ?? './drizzle',
    migrationTimeoutMs: positive('migrationTimeoutMs', options.migrationTimeoutMs ?? 300_000),
  };
}

function resolveTarget(options: DatabaseModuleOptions): DatabaseTarget {
  const { url, pglite } = options;
  if (pglite) return { driver: 'pglite', dataDir: undefined, instance: pglite };
  if (url === undefined || url === '') {
    return { driver: 'pglite', dataDir: options.dataDir ?? './.data/pglite', instance: undefined };
  }
  if (url === 'pglite://memory')
    return { driver: 'pglite', dataDir: undefined, instance: undefined };
  if (/^postgres(ql)?:\/\//.test(url)) return { driver: 'postgres', url };
  // Only the scheme is echoed: the rest of a URL may hold a password.
  const scheme = url.split(':')[0] ?? '';
  throw unsupportedDatabaseUrl(scheme);
}

// 0 turns Postgres's statement_timeout off.
function notNegative(name: string, value: number): number {
  return value === 0 ? 0 : positive(name, value);
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw badDatabaseOption(name, value);
  }
  return value;
}
