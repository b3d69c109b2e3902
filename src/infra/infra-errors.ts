/** The infra catalogue: misconfigured or misused technical modules (codes in docs/errors.md). */
import { KeelError } from '#core';

/** Codes of DatabaseModule errors (CacheModule, BusModule and RedisModule ones belong here too). */
export const INFRA_ERROR_CODES = {
  DB_UNSUPPORTED_URL: 'KEEL_DB_UNSUPPORTED_URL',
  DB_BAD_OPTION: 'KEEL_DB_BAD_OPTION',
  DB_UNREACHABLE: 'KEEL_DB_UNREACHABLE',
  DB_NOT_OPEN: 'KEEL_DB_NOT_OPEN',
  DB_NO_UNIT_OF_WORK: 'KEEL_DB_NO_UNIT_OF_WORK',
  DB_TRANSACTIONAL_NOT_A_METHOD: 'KEEL_DB_TRANSACTIONAL_NOT_A_METHOD',
  DB_UNKNOWN_SORT_COLUMN: 'KEEL_DB_UNKNOWN_SORT_COLUMN',
  DB_PGLITE_LOCKED: 'KEEL_DB_PGLITE_LOCKED',
  UNKNOWN_DRIVER: 'KEEL_INFRA_UNKNOWN_DRIVER',
  REDIS_NO_URL: 'KEEL_REDIS_NO_URL',
  REDIS_NOT_REGISTERED: 'KEEL_REDIS_NOT_REGISTERED',
  REDIS_CLOSED: 'KEEL_REDIS_CLOSED',
} as const;

/** One of `INFRA_ERROR_CODES`. */
export type InfraErrorCode = (typeof INFRA_ERROR_CODES)[keyof typeof INFRA_ERROR_CODES];

/** Thrown by a technical module that was configured or used in a way it cannot work with. */
export class InfraError extends KeelError<InfraErrorCode> {}

/** DATABASE_URL with a scheme DatabaseModule does not drive (only the scheme is shown). */
export function unsupportedDatabaseUrl(scheme: string): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.DB_UNSUPPORTED_URL,
    `DatabaseModule: unsupported DATABASE_URL scheme "${scheme}:". Use postgres://user@host:5432/db, ` +
      'pglite://memory, or leave DATABASE_URL unset for an embedded database in ./.data/pglite.',
  );
}

/** A DatabaseModule duration or size that is not a positive number. */
export function badDatabaseOption(name: string, value: number): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.DB_BAD_OPTION,
    `DatabaseModule: ${name} must be a positive number, got ${value}.`,
  );
}

/** `select 1` failed at boot; `where` is the URL without its credentials. */
export function databaseUnreachable(where: string, driverCode: string, cause: unknown): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.DB_UNREACHABLE,
    `DatabaseModule: cannot reach Postgres at ${where} (${driverCode}). ` +
      'Check DATABASE_URL and that the server accepts connections, or unset it to use the embedded database.',
    { cause },
  );
}

/** A query on the embedded database before DatabaseModule opened it. */
export function databaseNotOpen(): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.DB_NOT_OPEN,
    'The embedded database is not open yet: queries can run from DatabaseModule onModuleInit on.\n  Fix: move the query out of the constructor into onModuleInit (or later) of a provider that imports DatabaseModule.',
  );
}

/** `@Transactional()` on `owner.method` whose instance holds no UnitOfWork. */
export function noUnitOfWork(owner: string, method: string): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.DB_NO_UNIT_OF_WORK,
    `@Transactional() on ${owner}.${method} needs a UnitOfWork: add ` +
      `\`private readonly unitOfWork: UnitOfWork\` to ${owner}'s constructor (DatabaseModule provides it).`,
  );
}

/** `@Transactional()` on something that is not a method. */
export function transactionalNotAMethod(member: string): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.DB_TRANSACTIONAL_NOT_A_METHOD,
    `@Transactional() goes on a method; ${member} is not one.`,
  );
}

/** A repository asked to sort by a key that is not a column of its table. */
export function unknownSortColumn(repository: string, key: string): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.DB_UNKNOWN_SORT_COLUMN,
    `${repository}: no column "${key}" to sort by.\n  Fix: sort by a property of the table (a key of its pgTable), or map the API's sort name to one.`,
  );
}

/** A PGlite folder another process (or this one) holds; `lockFile` holds that PID. */
export function pgliteLocked(folder: string, pid: number, lockFile: string): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.DB_PGLITE_LOCKED,
    `DatabaseModule: the embedded database in ${folder} is in use by process ${pid}. PGlite is ` +
      'single-process: a second process opening the same folder would corrupt it.\n' +
      `  Fix: stop process ${pid}, or set DATABASE_URL to a Postgres server (postgres://...) to run ` +
      `several processes (PM2 cluster, a second server). If ${pid} is not Keel (a PID reused after a crash), delete ${lockFile}.`,
  );
}

/** `CacheModule.forRoot` / `BusModule.forRoot` got a driver they do not have. */
export function unknownDriver(
  module: string,
  driver: unknown,
  known: readonly string[],
): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.UNKNOWN_DRIVER,
    `${module}.forRoot: unknown driver '${String(driver)}'.\n  Fix: use ${known.map((d) => `'${d}'`).join(' or ')} (CACHE_DRIVER / BUS_DRIVER in .env).`,
  );
}

/** `RedisModule.forRoot` without a URL. */
export function redisWithoutUrl(): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.REDIS_NO_URL,
    'RedisModule.forRoot needs a url.\n  Fix: set REDIS_URL (e.g. redis://127.0.0.1:6379), or leave RedisModule out and use the memory drivers.',
  );
}

/** A Redis adapter was configured but `RedisModule.forRoot` is not among the app's imports. */
export function redisNotRegistered(consumer: string): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.REDIS_NOT_REGISTERED,
    `${consumer} needs RedisConnections, which only RedisModule.forRoot({ url }) provides.\n  Fix: import RedisModule.forRoot({ url }) once in the app (set REDIS_URL, e.g. redis://127.0.0.1:6379), or use driver 'memory'.`,
  );
}

/** A Redis client was asked for after the app shut its connections down. */
export function redisClosed(name: string): InfraError {
  return new InfraError(
    INFRA_ERROR_CODES.REDIS_CLOSED,
    `RedisConnections is shut down: no new client '${name}' after close.\n  Fix: ask for clients in constructors or onModuleInit, not from work that outlives app.close().`,
  );
}
