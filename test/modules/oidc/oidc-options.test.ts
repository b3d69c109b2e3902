/** `OidcModule.forRoot` options: presets, defaults, cookie attributes and configuration errors. */
import { describe, expect, it } from 'vitest';
import { OidcConfigError, resolveOidcOptions } from '#modules/oidc';

const secrets = { clientId: 'id', clientSecret: 'super-secret-value' };

function errorOf(run: () => unknown): OidcConfigError {
  try {
    run();
  } catch (error) {
    return error as OidcConfigError;
  }
  throw new Error('expected an OidcConfigError');
}

describe('resolveOidcOptions', () => {
  it('google: the preset issuer and openid email profile', () => {
    const options = resolveOidcOptions({
      providers: [{ name: 'google', ...secrets }],
      redirectBaseUrl: 'https://api.example.com',
    });
    expect(options.providers.get('google')).toMatchObject({
      preset: 'google',
      issuer: new URL('https://accounts.google.com'),
      scopes: ['openid', 'email', 'profile'],
      callbackUrl: 'https://api.example.com/auth/oidc/google/callback',
    });
  });

  it('github: github.com with api.github.com; an Enterprise issuer gets <issuer>/api/v3', () => {
    const options = resolveOidcOptions({
      providers: [
        { name: 'github', ...secrets },
        { name: 'corp', preset: 'github', issuer: 'https://ghe.example.com/', ...secrets },
      ],
      redirectBaseUrl: 'http://localhost:3000',
    });
    expect(options.providers.get('github')).toMatchObject({
      preset: 'github',
      issuer: new URL('https://github.com'),
      apiUrl: new URL('https://api.github.com'),
      scopes: ['read:user', 'user:email'],
    });
    expect(options.providers.get('corp')?.apiUrl?.href).toBe('https://ghe.example.com/api/v3');
  });

  it('any other name is plain OIDC: its issuer, and openid added to the scopes given', () => {
    const options = resolveOidcOptions({
      providers: [{ name: 'acme', issuer: 'https://idp.acme.test', scopes: ['email'], ...secrets }],
      redirectBaseUrl: 'http://localhost:3000',
    });
    expect(options.providers.get('acme')).toMatchObject({
      preset: 'oidc',
      scopes: ['openid', 'email'],
    });
  });

  it('the cookie path follows the base URL path (an API prefix); Secure only over https', () => {
    const https = resolveOidcOptions({
      providers: [],
      redirectBaseUrl: 'https://example.com/api/v1/',
    });
    expect(https).toMatchObject({
      cookiePath: '/api/v1/auth/oidc',
      secureCookie: true,
      httpTimeoutSeconds: 5,
    });
    const http = resolveOidcOptions({ providers: [], redirectBaseUrl: 'http://localhost:3000' });
    expect(http).toMatchObject({ cookiePath: '/auth/oidc', secureCookie: false });
  });

  it('lists every problem in one KEEL_OIDC_INVALID_OPTIONS error, never the secret', () => {
    const attempt = () =>
      resolveOidcOptions({
        providers: [
          { name: 'acme', ...secrets },
          {
            name: 'Bad-Name',
            issuer: 'https://x.test',
            clientId: '',
            clientSecret: 'super-secret-value',
          },
          { name: 'dup', issuer: 'ftp://x.test', ...secrets },
          { name: 'dup', issuer: 'https://x.test', ...secrets },
        ],
        redirectBaseUrl: 'not a url',
      });
    expect(attempt).toThrow(OidcConfigError);
    const error = errorOf(attempt);
    expect(error.code).toBe('KEEL_OIDC_INVALID_OPTIONS');
    for (const problem of [
      'redirectBaseUrl is not an http(s) URL',
      'provider "acme": issuer is missing or not an http(s) URL',
      'provider "Bad-Name": the name must match',
      'provider "Bad-Name": clientId is empty',
      'provider "dup": issuer is missing or not an http(s) URL',
      'provider "dup" is listed twice',
    ]) {
      expect(error.message).toContain(problem);
    }
    expect(error.message).toContain('docs/errors.md#keel_oidc_invalid_options');
    expect(error.message).not.toContain('super-secret-value');
  });
});
