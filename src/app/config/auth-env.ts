/** The authentication variables (AUTH_*): token claims, keys, lifetimes, password hashing, sign-in limits. */
import { z } from 'zod';
import { field, integer, RULES, type Rule } from './env-rules.js';

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `15m`, `30d`, `12h`, `90s` or a bare number of seconds. */
const durationSeconds: Rule<number> = {
  convert: (raw) => {
    const match = /^(\d{1,9})([smhd]?)$/.exec(raw);
    if (!match) return undefined;
    const seconds = Number(match[1]) * (UNITS[match[2] || 's'] ?? 1);
    return seconds > 0 ? seconds : undefined;
  },
  problem: 'is not a duration',
  expected: 'a positive number with an optional unit s, m, h or d, such as 15m or 30d',
};

const httpUrl: Rule<string> = {
  convert: (raw) => (/^https?:\/\/[^\s/]+/.test(raw) && URL.canParse(raw) ? raw : undefined),
  problem: 'is not an http(s) URL',
  expected: 'an absolute URL such as https://idp.example.com/.well-known/jwks.json',
};

const claim: Rule<string> = {
  convert: (raw) => (/^\S{1,200}$/.test(raw) ? raw : undefined),
  problem: 'is not a token claim value',
  expected: 'a non-empty string without spaces, such as keel-api',
};

const kib = { problem: 'is not a memory size', expected: 'KiB from 1024 to 4194304' };
const count = { problem: 'is not a count', expected: 'a whole positive number' };

/** The typed auth settings (camelCase of the variables). */
export interface AuthConfig {
  readonly authIssuer: string;
  readonly authAudience: string;
  readonly authKeysDir: string;
  /** A private JWK or JWKS (JSON); wins over AUTH_KEYS_DIR. Never logged. */
  readonly authPrivateKey: string | undefined;
  readonly authAccessTtlSeconds: number;
  readonly authRefreshTtlSeconds: number;
  readonly authJwksUrl: string | undefined;
  readonly authJwksIssuer: string | undefined;
  /** The example user module's writes need the `admin` role. */
  readonly authProtectExamples: boolean;
  /** argon2id cost: memory in KiB, iterations, lanes (OWASP's 19 MiB, 2, 1 by default). */
  readonly authArgon2MemoryKib: number;
  readonly authArgon2Iterations: number;
  readonly authArgon2Parallelism: number;
  /** Failed sign-ins allowed per account, and per client IP, in each window. */
  readonly authSigninMaxAttempts: number;
  readonly authSigninIpMaxAttempts: number;
  readonly authSigninWindowSeconds: number;
}

/** The AUTH_* fields of the environment schema. */
export const authFields = {
  AUTH_ISSUER: field(claim).default('keel'),
  AUTH_AUDIENCE: field(claim).default('keel-api'),
  AUTH_KEYS_DIR: z.string().default('./.data/keys'),
  AUTH_PRIVATE_KEY: z.string().optional(),
  AUTH_ACCESS_TTL: field(durationSeconds).default(900),
  AUTH_REFRESH_TTL: field(durationSeconds).default(2_592_000),
  AUTH_JWKS_URL: field(httpUrl).optional(),
  AUTH_JWKS_ISSUER: field(claim).optional(),
  AUTH_PROTECT_EXAMPLES: field(RULES.boolean).default(false),
  AUTH_ARGON2_MEMORY_KIB: field(integer(1024, 4_194_304, kib)).default(19_456),
  AUTH_ARGON2_ITERATIONS: field(integer(1, 100, count)).default(2),
  AUTH_ARGON2_PARALLELISM: field(integer(1, 64, count)).default(1),
  AUTH_SIGNIN_MAX_ATTEMPTS: field(integer(1, 100_000, count)).default(10),
  AUTH_SIGNIN_IP_MAX_ATTEMPTS: field(integer(1, 1_000_000, count)).default(100),
  AUTH_SIGNIN_WINDOW: field(durationSeconds).default(60),
};

type AuthFields = z.output<z.ZodObject<typeof authFields>>;

/** AUTH_JWKS_URL and AUTH_JWKS_ISSUER come together. */
export function checkAuthCombinations(env: AuthFields, ctx: z.RefinementCtx): void {
  if ((env.AUTH_JWKS_URL === undefined) === (env.AUTH_JWKS_ISSUER === undefined)) return;
  const missing = env.AUTH_JWKS_URL === undefined ? 'AUTH_JWKS_URL' : 'AUTH_JWKS_ISSUER';
  const message = `is unset while its pair is set; expected both AUTH_JWKS_URL and AUTH_JWKS_ISSUER (the outside IdP's iss), or neither`;
  ctx.addIssue({ code: 'custom', path: [missing], message });
}

/** The camelCase auth settings. */
export function toAuthConfig(env: AuthFields): AuthConfig {
  return {
    authIssuer: env.AUTH_ISSUER,
    authAudience: env.AUTH_AUDIENCE,
    authKeysDir: env.AUTH_KEYS_DIR,
    authPrivateKey: env.AUTH_PRIVATE_KEY,
    authAccessTtlSeconds: env.AUTH_ACCESS_TTL,
    authRefreshTtlSeconds: env.AUTH_REFRESH_TTL,
    authJwksUrl: env.AUTH_JWKS_URL,
    authJwksIssuer: env.AUTH_JWKS_ISSUER,
    authProtectExamples: env.AUTH_PROTECT_EXAMPLES,
    authArgon2MemoryKib: env.AUTH_ARGON2_MEMORY_KIB,
    authArgon2Iterations: env.AUTH_ARGON2_ITERATIONS,
    authArgon2Parallelism: env.AUTH_ARGON2_PARALLELISM,
    authSigninMaxAttempts: env.AUTH_SIGNIN_MAX_ATTEMPTS,
    authSigninIpMaxAttempts: env.AUTH_SIGNIN_IP_MAX_ATTEMPTS,
    authSigninWindowSeconds: env.AUTH_SIGNIN_WINDOW,
  };
}
