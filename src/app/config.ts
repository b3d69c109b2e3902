/** The app's configuration: every environment variable of DESIGN.md, read once through Zod. */
import { readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import type { InjectionToken } from '#core';
import { type AppConfig, ENV_NAMES, type EnvName, envSchema } from './config/env.schema.js';
import { readOidcProviders } from './config/oidc-env.js';
import { ConfigError, type ConfigIssue, formatConfigError } from './config.errors.js';

export type { AppConfig } from './config/env.schema.js';
export { ConfigError, type ConfigIssue, formatConfigError } from './config.errors.js';

/** Injection token of the app's configuration. */
export const CONFIG: InjectionToken<AppConfig> = Symbol('Config');

/** Raw environment variables, as in `process.env`. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Where `loadConfig` reads the dotenv file (relative to the working directory); `false`: none. */
export interface LoadConfigOptions {
  readonly envFile?: string | false;
}

// An empty list is meaningful ("allow no origin"); any other empty variable counts as unset.
const EMPTY_IS_A_VALUE: ReadonlySet<EnvName> = new Set(['CORS_ORIGINS', 'WS_ORIGINS']);

/** Reads the dotenv file's variables; a missing file is no file. */
function readEnvFile(path: string): EnvSource {
  try {
    return parseDotenv(readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    const problem = `cannot be read (${code ?? 'unreadable'}); expected a readable dotenv file`;
    throw new ConfigError([{ variable: path, problem }]);
  }
}

/** Picks the known variables, trimmed, the environment winning over the dotenv file. */
function collect(env: EnvSource, fileVars: EnvSource): Partial<Record<EnvName, string>> {
  const raw: Partial<Record<EnvName, string>> = {};
  for (const name of ENV_NAMES) {
    const value = (env[name] ?? fileVars[name])?.trim();
    if (value === undefined || (value === '' && !EMPTY_IS_A_VALUE.has(name))) continue;
    raw[name] = value;
  }
  return raw;
}

/** Validates the environment (and `.env`, which the environment overrides) into a frozen config. */
export function loadConfig(
  env: EnvSource = process.env,
  options: LoadConfigOptions = {},
): AppConfig {
  const { envFile = '.env' } = options;
  const fileVars = envFile === false ? {} : readEnvFile(envFile);
  const raw = collect(env, fileVars);
  const result = envSchema.safeParse(raw);
  // OIDC_<NAME>_* names depend on OIDC_PROVIDERS, so they are read here from the same sources.
  const lookup = (name: string) => (env[name] ?? fileVars[name])?.trim() || undefined;
  const oidc = readOidcProviders(raw.OIDC_PROVIDERS, lookup);
  if (result.success && oidc.issues.length === 0) {
    return Object.freeze({ ...result.data, oidcProviders: Object.freeze(oidc.providers) });
  }
  const issues = new Map<string, ConfigIssue>();
  for (const issue of result.error?.issues ?? []) {
    const variable = String(issue.path[0] ?? 'environment');
    if (!issues.has(variable)) issues.set(variable, { variable, problem: issue.message });
  }
  for (const issue of oidc.issues) issues.set(issue.variable, issue);
  throw new ConfigError([...issues.values()]);
}

/** Where `loadConfigOrExit` reports and how it exits; both replaceable in tests. */
export interface LoadConfigOrExitOptions extends LoadConfigOptions {
  readonly stderr?: { write(text: string): unknown };
  readonly exit?: (code: number) => never;
}

/** For main.ts: the config, or the error lines on stderr and exit code 1 before anything listens. */
export function loadConfigOrExit(
  env: EnvSource = process.env,
  options: LoadConfigOrExitOptions = {},
): AppConfig {
  try {
    return loadConfig(env, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    (options.stderr ?? process.stderr).write(`${formatConfigError(error)}\n`);
    return (options.exit ?? process.exit)(1);
  }
}
