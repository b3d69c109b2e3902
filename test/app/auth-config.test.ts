/** The AUTH_* variables: durations with units, claim values, the JWKS pair, argon2 and sign-in bounds. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/app/config.js';

function load(env: Record<string, string>) {
  return loadConfig(env, { envFile: false });
}

function problems(env: Record<string, string>): Record<string, string> {
  try {
    load(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return Object.fromEntries(error.issues.map((issue) => [issue.variable, issue.problem]));
  }
  throw new Error('expected a ConfigError');
}

describe('auth config', () => {
  it('reads every AUTH_* variable, durations in s, m, h or d', () => {
    const config = load({
      AUTH_ISSUER: 'https://api.example.com',
      AUTH_AUDIENCE: 'shop-api',
      AUTH_KEYS_DIR: '/run/keys',
      AUTH_PRIVATE_KEY: '{"keys":[]}',
      AUTH_ACCESS_TTL: '5m',
      AUTH_REFRESH_TTL: '14d',
      AUTH_JWKS_URL: 'https://idp.example.com/jwks',
      AUTH_JWKS_ISSUER: 'https://idp.example.com/',
      AUTH_PROTECT_EXAMPLES: 'true',
      AUTH_ARGON2_MEMORY_KIB: '65536',
      AUTH_ARGON2_ITERATIONS: '3',
      AUTH_ARGON2_PARALLELISM: '4',
      AUTH_SIGNIN_MAX_ATTEMPTS: '5',
      AUTH_SIGNIN_IP_MAX_ATTEMPTS: '50',
      AUTH_SIGNIN_WINDOW: '2h',
    });
    expect(config).toMatchObject({
      authIssuer: 'https://api.example.com',
      authAudience: 'shop-api',
      authKeysDir: '/run/keys',
      authPrivateKey: '{"keys":[]}',
      authAccessTtlSeconds: 300,
      authRefreshTtlSeconds: 14 * 86_400,
      authJwksUrl: 'https://idp.example.com/jwks',
      authJwksIssuer: 'https://idp.example.com/',
      authProtectExamples: true,
      authArgon2MemoryKib: 65_536,
      authArgon2Iterations: 3,
      authArgon2Parallelism: 4,
      authSigninMaxAttempts: 5,
      authSigninIpMaxAttempts: 50,
      authSigninWindowSeconds: 7200,
    });
  });

  it('names each bad value and the form it expects', () => {
    const found = problems({
      AUTH_ACCESS_TTL: '15 minutes',
      AUTH_AUDIENCE: 'two words',
      AUTH_JWKS_URL: 'ftp://idp.example.com/jwks',
      AUTH_ARGON2_MEMORY_KIB: '8',
    });
    expect(found.AUTH_ACCESS_TTL).toMatch(/is not a duration; expected .*15m or 30d/);
    expect(found.AUTH_AUDIENCE).toMatch(/is not a token claim value/);
    expect(found.AUTH_JWKS_URL).toMatch(/is not an http\(s\) URL/);
    expect(found.AUTH_ARGON2_MEMORY_KIB).toMatch(/is not a memory size/);
  });

  it('needs AUTH_JWKS_URL and AUTH_JWKS_ISSUER together', () => {
    expect(problems({ AUTH_JWKS_URL: 'https://idp.example.com/jwks' })).toEqual({
      AUTH_JWKS_ISSUER: expect.stringMatching(/expected both AUTH_JWKS_URL and AUTH_JWKS_ISSUER/),
    });
    expect(problems({ AUTH_JWKS_ISSUER: 'https://idp.example.com/' })).toHaveProperty(
      'AUTH_JWKS_URL',
    );
  });
});
