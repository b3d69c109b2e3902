/** `OidcModule.forRoot(options)`: the sign-in providers and the public URL their callbacks use. */
import { createToken, type InjectionToken } from '#core';
import { OidcConfigError } from './oidc.errors.js';
import { githubApiUrl, type OidcPreset, PRESETS, presetOf } from './oidc-presets.js';

/** One sign-in provider. */
export interface OidcProviderConfig {
  /** The route segment (`/auth/oidc/<name>/start`): lowercase letters, digits and `_`. */
  name: string;
  /** The issuer URL (discovery); for `github` the web URL (github.com or GitHub Enterprise). */
  issuer?: string;
  clientId: string;
  clientSecret: string;
  /** Requested scopes; the preset's by default (`openid` is always added for OIDC). */
  scopes?: readonly string[];
  /** Default: `google` and `github` for providers of those names, `oidc` otherwise. */
  preset?: OidcPreset;
  /** `github` only: the REST API base, `https://api.github.com` (`<issuer>/api/v3` for Enterprise). */
  apiUrl?: string;
}

/** Options of `OidcModule.forRoot`. */
export interface OidcModuleOptions {
  providers: readonly OidcProviderConfig[];
  /** The app's public URL, API prefix included: callbacks are `<it>/auth/oidc/<name>/callback`. */
  redirectBaseUrl: string;
  /** Budget of each request to a provider (discovery, token, user info), in seconds. Default 5. */
  httpTimeoutSeconds?: number;
}

/** A provider with its preset applied. */
export interface ResolvedProvider {
  readonly name: string;
  readonly preset: OidcPreset;
  readonly issuer: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: readonly string[];
  /** `github` only. */
  readonly apiUrl: URL | undefined;
  /** The redirect_uri registered at the provider. */
  readonly callbackUrl: string;
}

/** The options with defaults applied. */
export interface ResolvedOidcOptions {
  readonly providers: ReadonlyMap<string, ResolvedProvider>;
  /** Path of the state cookie: the routes' prefix (`/auth/oidc` under the base URL's path). */
  readonly cookiePath: string;
  /** The state cookie is `Secure` when the app is served over https. */
  readonly secureCookie: boolean;
  readonly httpTimeoutSeconds: number;
}

/** Token of the resolved options. */
export const OIDC_OPTIONS: InjectionToken<ResolvedOidcOptions> =
  createToken<ResolvedOidcOptions>('OidcOptions');

const NAME = /^[a-z][a-z0-9_]{0,31}$/;

function httpUrl(raw: string | undefined): URL | undefined {
  if (raw === undefined || !URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
}

function resolveProvider(config: OidcProviderConfig, base: string, problems: string[]) {
  const where = `provider "${config.name}"`;
  if (!NAME.test(config.name)) problems.push(`${where}: the name must match ${NAME.source}`);
  if (!config.clientId) problems.push(`${where}: clientId is empty`);
  if (!config.clientSecret) problems.push(`${where}: clientSecret is empty`);
  const preset = presetOf(config.name, config.preset);
  const defaults = PRESETS[preset];
  const issuer = httpUrl(config.issuer ?? defaults.issuer);
  if (!issuer) problems.push(`${where}: issuer is missing or not an http(s) URL`);
  const scopes = [...(config.scopes ?? defaults.scopes)];
  if (preset !== 'github' && !scopes.includes('openid')) scopes.unshift('openid');
  const apiUrl =
    preset === 'github' ? httpUrl(config.apiUrl ?? githubApiUrl(issuer?.href ?? '')) : undefined;
  if (preset === 'github' && !apiUrl) problems.push(`${where}: apiUrl is not an http(s) URL`);
  const resolved: ResolvedProvider = {
    name: config.name,
    preset,
    issuer: issuer ?? new URL('http://invalid'),
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    scopes,
    apiUrl,
    callbackUrl: `${base}/auth/oidc/${config.name}/callback`,
  };
  return resolved;
}

/** Applies presets and defaults; throws OidcConfigError listing every problem. */
export function resolveOidcOptions(options: OidcModuleOptions): ResolvedOidcOptions {
  const problems: string[] = [];
  const baseUrl = httpUrl(options.redirectBaseUrl);
  if (!baseUrl) problems.push('redirectBaseUrl is not an http(s) URL');
  const base = (baseUrl?.href ?? '').replace(/\/+$/, '');
  const providers = new Map<string, ResolvedProvider>();
  for (const config of options.providers) {
    if (providers.has(config.name)) problems.push(`provider "${config.name}" is listed twice`);
    providers.set(config.name, resolveProvider(config, base, problems));
  }
  if (problems.length > 0) throw new OidcConfigError(problems);
  const basePath = (baseUrl?.pathname ?? '/').replace(/\/+$/, '');
  return {
    providers,
    cookiePath: `${basePath}/auth/oidc`,
    secureCookie: baseUrl?.protocol === 'https:',
    httpTimeoutSeconds: options.httpTimeoutSeconds ?? 5,
  };
}

/** http is allowed only towards this machine (tests, a local IdP); anything else needs https. */
export function isLoopbackHttp(url: URL): boolean {
  const host = url.hostname;
  return (
    url.protocol === 'http:' && (host === 'localhost' || host === '[::1]' || /^127\./.test(host))
  );
}
