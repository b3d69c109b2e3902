/**
 * The OIDC sign-in variables: OIDC_PROVIDERS (a comma list of names), OIDC_REDIRECT_BASE_URL,
 * and per listed provider OIDC_<NAME>_ISSUER, _CLIENT_ID, _CLIENT_SECRET and optional _SCOPES.
 * The per-provider names are dynamic, so `loadConfig` reads them with `readOidcProviders`.
 */
import type { OidcProviderConfig } from '#modules/oidc';
import { type ConfigIssue, describeValue } from '../config.errors.js';
import { field, type Rule } from './env-rules.js';

const NAME = /^[a-z][a-z0-9_]{0,31}$/;
// These presets bring their issuer; any other provider needs OIDC_<NAME>_ISSUER.
const PRESET_NAMES: ReadonlySet<string> = new Set(['google', 'github']);

function names(raw: string): readonly string[] | undefined {
  const list = raw
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const valid = list.every((name) => NAME.test(name)) && new Set(list).size === list.length;
  return valid ? list : undefined;
}

function httpUrl(raw: string): string | undefined {
  if (!URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  const plain = /^https?:$/.test(url.protocol) && !url.search && !url.hash && !url.username;
  return plain ? raw : undefined;
}

const providerList: Rule<readonly string[]> = {
  convert: names,
  problem: 'is not a list of provider names',
  expected:
    'distinct names of lowercase letters, digits and _, comma-separated, such as google,github,acme',
};

const baseUrl: Rule<string> = {
  // Without a trailing slash, so `<base>/auth/oidc/...` has one. (An issuer keeps its own.)
  convert: (raw) => httpUrl(raw)?.replace(/\/+$/, ''),
  problem: 'is not an http(s) URL',
  expected:
    'the public URL of the app (API_PREFIX is added to it), such as https://api.example.com',
};

/** The typed OIDC settings. */
export interface OidcConfig {
  /** One entry per name in OIDC_PROVIDERS, for `OidcModule.forRoot`. Secrets: never log them. */
  readonly oidcProviders: readonly OidcProviderConfig[];
  /** The app's public URL; callbacks are `<it><API_PREFIX>/auth/oidc/<name>/callback`. */
  readonly oidcRedirectBaseUrl: string;
}

/** The fixed-name OIDC_* fields of the environment schema. */
export const oidcFields = {
  OIDC_PROVIDERS: field(providerList).default([]),
  OIDC_REDIRECT_BASE_URL: field(baseUrl).default('http://localhost:3000'),
};

/** Reads one variable (environment first, then the dotenv file), trimmed; empty is unset. */
export type EnvLookup = (name: string) => string | undefined;

/** The providers OIDC_PROVIDERS lists (nothing when the list itself is invalid: that is reported). */
export function readOidcProviders(
  rawList: string | undefined,
  lookup: EnvLookup,
): { providers: OidcProviderConfig[]; issues: ConfigIssue[] } {
  const providers: OidcProviderConfig[] = [];
  const issues: ConfigIssue[] = [];
  for (const name of (rawList === undefined ? undefined : names(rawList)) ?? []) {
    const provider = readProvider(name, lookup, issues);
    if (provider) providers.push(provider);
  }
  return { providers, issues };
}

function readProvider(name: string, lookup: EnvLookup, issues: ConfigIssue[]) {
  const prefix = `OIDC_${name.toUpperCase()}`;
  const unset = (variable: string, expected: string) =>
    issues.push({
      variable,
      problem: `is unset; expected ${expected} (OIDC_PROVIDERS lists ${name})`,
    });
  const clientId = lookup(`${prefix}_CLIENT_ID`);
  const clientSecret = lookup(`${prefix}_CLIENT_SECRET`);
  const rawIssuer = lookup(`${prefix}_ISSUER`);
  const issuer = rawIssuer === undefined ? undefined : httpUrl(rawIssuer);
  if (clientId === undefined) unset(`${prefix}_CLIENT_ID`, 'the client id the provider issued');
  if (clientSecret === undefined)
    unset(`${prefix}_CLIENT_SECRET`, 'the client secret the provider issued');
  if (rawIssuer === undefined && !PRESET_NAMES.has(name)) {
    unset(`${prefix}_ISSUER`, 'the issuer URL, such as https://idp.example.com');
  } else if (rawIssuer !== undefined && issuer === undefined) {
    const problem = `${describeValue(rawIssuer)} ${baseUrl.problem}; expected the issuer URL, such as https://idp.example.com`;
    issues.push({ variable: `${prefix}_ISSUER`, problem });
  }
  if (clientId === undefined || clientSecret === undefined) return undefined;
  const scopes = lookup(`${prefix}_SCOPES`)
    ?.split(/[\s,]+/)
    .filter((scope) => scope !== '');
  const provider: OidcProviderConfig = { name, clientId, clientSecret };
  if (issuer !== undefined) provider.issuer = issuer;
  if (scopes?.length) provider.scopes = scopes;
  return Object.freeze(provider);
}
