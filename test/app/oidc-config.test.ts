/** The OIDC variables: OIDC_PROVIDERS, OIDC_REDIRECT_BASE_URL and the per-provider OIDC_<NAME>_*. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOidcOptions } from '#modules/oidc';
import { ConfigError, loadConfig } from '../../src/app/config.js';

const SECRET = 'do-not-print-this-secret';

/** The error lines for `env`, link line off. */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, { envFile: false });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).not.toContain(SECRET);
    return (error as ConfigError).message.split('\n').slice(0, -1);
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('OIDC configuration', () => {
  it('defaults: no provider, callbacks under http://localhost:3000', () => {
    const config = loadConfig({}, { envFile: false });
    expect(config.oidcProviders).toEqual([]);
    expect(config.oidcRedirectBaseUrl).toBe('http://localhost:3000');
  });

  it('reads each listed provider; google and github bring their issuer, others name theirs', () => {
    const config = loadConfig(
      {
        OIDC_PROVIDERS: 'google, GitHub,acme',
        OIDC_REDIRECT_BASE_URL: 'https://api.example.com/api/v1/',
        OIDC_GOOGLE_CLIENT_ID: 'g-id',
        OIDC_GOOGLE_CLIENT_SECRET: SECRET,
        OIDC_GITHUB_CLIENT_ID: 'gh-id',
        OIDC_GITHUB_CLIENT_SECRET: SECRET,
        OIDC_ACME_ISSUER: 'https://idp.acme.test/realms/main/',
        OIDC_ACME_CLIENT_ID: 'acme-id',
        OIDC_ACME_CLIENT_SECRET: SECRET,
        OIDC_ACME_SCOPES: 'openid email, profile groups',
      },
      { envFile: false },
    );
    expect(config.oidcRedirectBaseUrl).toBe('https://api.example.com/api/v1');
    expect(config.oidcProviders).toEqual([
      { name: 'google', clientId: 'g-id', clientSecret: SECRET },
      { name: 'github', clientId: 'gh-id', clientSecret: SECRET },
      {
        name: 'acme',
        issuer: 'https://idp.acme.test/realms/main/',
        clientId: 'acme-id',
        clientSecret: SECRET,
        scopes: ['openid', 'email', 'profile', 'groups'],
      },
    ]);
    // What OidcModule.forRoot makes of it.
    const options = resolveOidcOptions({
      providers: config.oidcProviders,
      redirectBaseUrl: config.oidcRedirectBaseUrl,
    });
    expect(options.providers.get('google')?.issuer.href).toBe('https://accounts.google.com/');
    expect(options.providers.get('acme')?.callbackUrl).toBe(
      'https://api.example.com/api/v1/auth/oidc/acme/callback',
    );
  });

  it('reads the per-provider variables from .env too, the environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keel-oidc-'));
    const file = join(dir, '.env');
    writeFileSync(
      file,
      `OIDC_PROVIDERS=google\nOIDC_GOOGLE_CLIENT_ID=from-file\nOIDC_GOOGLE_CLIENT_SECRET=${SECRET}\n`,
    );
    const config = loadConfig({ OIDC_GOOGLE_CLIENT_ID: 'from-env' }, { envFile: file });
    expect(config.oidcProviders).toEqual([
      { name: 'google', clientId: 'from-env', clientSecret: SECRET },
    ]);
  });

  it('names every missing or bad variable in one error, never quoting a secret', () => {
    expect(
      problems({
        OIDC_PROVIDERS: 'acme,github',
        OIDC_ACME_ISSUER: 'ftp://idp.acme.test',
        OIDC_ACME_CLIENT_SECRET: SECRET,
        OIDC_GITHUB_CLIENT_ID: 'gh-id',
        PORT: 'abc',
      }),
    ).toEqual([
      'PORT: "abc" is not a port; expected an integer from 0 to 65535',
      'OIDC_ACME_CLIENT_ID: is unset; expected the client id the provider issued (OIDC_PROVIDERS lists acme)',
      'OIDC_ACME_ISSUER: "ftp://idp.acme.test" is not an http(s) URL; expected the issuer URL, such as https://idp.example.com',
      'OIDC_GITHUB_CLIENT_SECRET: is unset; expected the client secret the provider issued (OIDC_PROVIDERS lists github)',
    ]);
  });

  it('a provider without a preset needs its issuer', () => {
    expect(
      problems({
        OIDC_PROVIDERS: 'acme',
        OIDC_ACME_CLIENT_ID: 'id',
        OIDC_ACME_CLIENT_SECRET: SECRET,
      }),
    ).toEqual([
      'OIDC_ACME_ISSUER: is unset; expected the issuer URL, such as https://idp.example.com (OIDC_PROVIDERS lists acme)',
    ]);
  });

  it('refuses a bad provider list and a bad base URL', () => {
    expect(
      problems({ OIDC_PROVIDERS: 'acme,acme', OIDC_REDIRECT_BASE_URL: 'localhost:3000' }),
    ).toEqual([
      'OIDC_PROVIDERS: "acme,acme" is not a list of provider names; expected distinct names of lowercase letters, digits and _, comma-separated, such as google,github,acme',
      'OIDC_REDIRECT_BASE_URL: "localhost:3000" is not an http(s) URL; expected the public URL of the app (API_PREFIX is added to it), such as https://api.example.com',
    ]);
  });
});
