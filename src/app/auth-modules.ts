/** The authentication wiring: AuthModule and the sign-in limiter (infrastructure), then identity. */
import type { DynamicModule } from '#core';
import { AttemptsModule } from '#infra/attempts';
import { AuthModule, type AuthModuleOptions } from '#infra/auth';
import { IdentityModule } from '#modules/identity';
import { OidcModule } from '#modules/oidc';
import type { AppConfig } from './config.js';

/**
 * Token settings from AUTH_*. Keys come from AUTH_PRIVATE_KEY or AUTH_KEYS_DIR; development writes
 * one into AUTH_KEYS_DIR on first boot, tests keep one in memory, production refuses to start
 * without keys (every worker must sign with the same ones: `npm run gen:keys`).
 */
export function authOptions(config: AppConfig): AuthModuleOptions {
  const generate = { production: false, test: 'memory', development: 'file' } as const;
  return {
    issuer: config.authIssuer,
    audience: config.authAudience,
    accessTtlSeconds: config.authAccessTtlSeconds,
    keys: {
      privateKeys: config.authPrivateKey,
      dir: config.authKeysDir,
      generateIfMissing: generate[config.nodeEnv],
    },
    ...(config.authJwksUrl && config.authJwksIssuer
      ? { external: { jwksUrl: config.authJwksUrl, issuer: config.authJwksIssuer } }
      : {}),
  };
}

/** AuthModule (global guard, tokens, JWKS) and the attempt limiter: Redis when REDIS_URL is set. */
export function authInfrastructure(config: AppConfig): DynamicModule[] {
  return [
    AuthModule.forRoot(authOptions(config)),
    AttemptsModule.forRoot({
      driver: config.redisUrl ? 'redis' : 'memory',
      prefix: `${config.cachePrefix}attempts:`,
    }),
  ];
}

/** Sign-up, sign-in, refresh tokens and sessions (`/auth/*`), then OIDC sign-in (`/auth/oidc/*`). */
export function identityModules(config: AppConfig): DynamicModule[] {
  return [
    IdentityModule.forRoot({
      refreshTtlSeconds: config.authRefreshTtlSeconds,
      argon2: {
        memoryKib: config.authArgon2MemoryKib,
        iterations: config.authArgon2Iterations,
        parallelism: config.authArgon2Parallelism,
      },
      signIn: {
        maxAttempts: config.authSigninMaxAttempts,
        ipMaxAttempts: config.authSigninIpMaxAttempts,
        windowSeconds: config.authSigninWindowSeconds,
      },
    }),
    OidcModule.forRoot({
      providers: config.oidcProviders,
      redirectBaseUrl: `${config.oidcRedirectBaseUrl}${config.apiPrefix}`,
    }),
  ];
}
