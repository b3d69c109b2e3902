/** The rule of each environment variable: how a raw string converts, and the form it expects. */
import { z } from 'zod';
import { describeValue } from '../config.errors.js';

/** Converts a raw string, or returns `undefined` when it is not acceptable. */
export interface Rule<T> {
  readonly convert: (raw: string) => T | undefined;
  /** Follows the quoted value in the error line: `"abc" is not a port`. */
  readonly problem: string;
  /** Follows `; expected` in the error line. */
  readonly expected: string;
}

/** Accepted `NODE_ENV` values. */
export const NODE_ENVS = ['development', 'production', 'test'] as const;
/** Accepted `LOG_LEVEL` values (pino's levels). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** Accepted `DEFAULT_LANG` values (the kernel's catalogs). */
export const LANGS = ['en', 'es', 'pt-BR'] as const;
/** Accepted `LOG_REQUESTS` values: every request, only 4xx/5xx and slow ones, or none. */
export const LOG_REQUESTS = ['all', 'errors', 'off'] as const;
/** Accepted `CACHE_DRIVER` / `BUS_DRIVER` values. */
export const DRIVERS = ['memory', 'redis'] as const;

// Node's timers overflow above 2^31 - 1 ms and fire at once.
const MAX_MS = 2_147_483_647;

/** One of `values`, matched case-insensitively and returned in its canonical spelling. */
function oneOf<const T extends string>(values: readonly T[], problem: string): Rule<T> {
  const convert = (raw: string) =>
    values.find((value) => value.toLowerCase() === raw.toLowerCase());
  const expected = `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
  return { convert, problem, expected };
}

/** A whole number written in decimal digits, from `min` to `max`. */
export function integer(
  min: number,
  max: number,
  texts: Omit<Rule<number>, 'convert'>,
): Rule<number> {
  const convert = (raw: string) => {
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    return value >= min && value <= max ? value : undefined;
  };
  return { convert, ...texts };
}

function parseUrl(raw: string): URL | undefined {
  return URL.canParse(raw) ? new URL(raw) : undefined;
}

/** True for a `postgres://` or `postgresql://` URL (as opposed to PGlite). */
export function isPostgresUrl(value: string | undefined): boolean {
  return value !== undefined && /^postgres(ql)?:\/\//i.test(value);
}

const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, 1: true, 0: false };
const POSITIVE_MS = 'a whole positive number of milliseconds';

/** The rules, by field. */
export const RULES = {
  nodeEnv: oneOf(NODE_ENVS, 'is not an environment'),
  port: integer(0, 65535, { problem: 'is not a port', expected: 'an integer from 0 to 65535' }),
  host: {
    convert: (raw) => (/^[A-Za-z0-9.:[\]-]+$/.test(raw) ? raw : undefined),
    problem: 'is not a host',
    expected: 'a hostname or IP address such as 0.0.0.0 or 127.0.0.1',
  } satisfies Rule<string>,
  logLevel: oneOf(LOG_LEVELS, 'is not a log level'),
  logRequests: oneOf(LOG_REQUESTS, 'is not a request log mode'),
  apiPrefix: {
    convert: (raw) => (/^(\/[A-Za-z0-9._~-]+)*$/.test(raw) ? raw : undefined),
    problem: 'is not a route prefix',
    expected: 'empty or a path starting with / and without a trailing slash, such as /api/v1',
  } satisfies Rule<string>,
  lang: oneOf(LANGS, 'is not a supported language'),
  databaseUrl: {
    convert: (raw) => {
      if (raw === 'pglite://memory') return raw;
      return isPostgresUrl(raw) && parseUrl(raw)?.hostname ? raw : undefined;
    },
    problem: 'is not a database URL',
    expected: 'postgres://user:password@host:5432/database, postgresql://... or pglite://memory',
  } satisfies Rule<string>,
  poolSize: integer(1, 1000, {
    problem: 'is not a pool size',
    expected: 'an integer from 1 to 1000',
  }),
  positiveMs: integer(1, MAX_MS, { problem: 'is not a duration', expected: POSITIVE_MS }),
  statementMs: integer(0, MAX_MS, {
    problem: 'is not a duration',
    expected: 'a whole number of milliseconds (0 disables it)',
  }),
  boolean: {
    convert: (raw) => BOOLEANS[raw.toLowerCase()],
    problem: 'is not a boolean',
    expected: 'true, false, 1 or 0',
  } satisfies Rule<boolean>,
  redisUrl: {
    convert: (raw) => {
      const url = parseUrl(raw);
      return url && /^rediss?:$/.test(url.protocol) && url.hostname ? raw : undefined;
    },
    problem: 'is not a Redis URL',
    expected: 'redis://[user:password@]host:6379[/db] or rediss://... for TLS',
  } satisfies Rule<string>,
  driver: oneOf(DRIVERS, 'is not a driver'),
  bytes: integer(1, MAX_MS, {
    problem: 'is not a size',
    expected: 'a whole positive number of bytes',
  }),
  processes: integer(1, 1024, {
    problem: 'is not a process count',
    expected: 'an integer from 1 to 1024',
  }),
};

/** The origin of an `http(s)://host[:port]` string, or undefined if it has more or less. */
function origin(item: string): string | undefined {
  const url = parseUrl(item);
  if (!url || !/^https?:$/.test(url.protocol) || item.endsWith('/')) return undefined;
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return bare ? url.origin : undefined;
}

const ORIGINS_EXPECTED = '* or a comma-separated list of origins such as https://app.example.com';

/**
 * `CORS_ORIGINS` / `WS_ORIGINS`: `*`, or a comma-separated list of origins (empty allows none).
 * Returns the normalised list, `'*'`, or the error line's text after the variable name.
 */
export function originList(raw: string): readonly string[] | '*' | { readonly problem: string } {
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 1 && items[0] === '*') return '*';
  if (items.includes('*')) {
    return { problem: `${describeValue(raw)} mixes * with origins; expected * alone or origins` };
  }
  const origins = items.map(origin);
  if (origins.every((value): value is string => value !== undefined)) return origins;
  const bad = items.filter((_, index) => origins[index] === undefined);
  const verb = bad.length === 1 ? 'is not an origin' : 'are not origins';
  return { problem: `${bad.map(describeValue).join(', ')} ${verb}; expected ${ORIGINS_EXPECTED}` };
}

/** A field that converts a raw string or reports `"<value>" <problem>; expected <form>`. */
export function field<T>(rule: Rule<T>) {
  return z.string().transform((raw, ctx): T => {
    const value = rule.convert(raw);
    if (value !== undefined) return value;
    const message = `${describeValue(raw)} ${rule.problem}; expected ${rule.expected}`;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}
