/**
 * `bun scripts/grant-role.ts <email> <role> [--revoke]`: adds a role to (or removes it from) an
 * account, on the app's database (DATABASE_URL, or the embedded one in ./.data/pglite).
 */
import 'reflect-metadata';
import { eq, sql } from 'drizzle-orm';
import { type App, createApp, Module } from '#core';
import { DATABASE, DatabaseModule } from '#infra/database';
import { accounts } from '#modules/identity';
import { loadConfigOrExit } from '../src/app/config.js';

const USAGE = 'Usage: bun scripts/grant-role.ts <email> <role> [--revoke]';
const ROLE = /^[A-Za-z0-9_.:-]{1,64}$/;

interface Request {
  email: string;
  role: string;
  revoke: boolean;
}

function parseArgs(argv: readonly string[]): Request {
  const revoke = argv.includes('--revoke');
  const [email, role, ...rest] = argv.filter((arg) => arg !== '--revoke');
  if (!email || !role || rest.length > 0) fail(USAGE);
  if (!ROLE.test(role))
    fail(`"${role}" is not a role name: use 1 to 64 letters, digits, or _ . : -\n${USAGE}`);
  return { email: email.trim().toLowerCase(), role, revoke };
}

async function change(app: App, request: Request): Promise<string> {
  const db = app.get(DATABASE);
  const [account] = await db
    .select({ roles: accounts.roles })
    .from(accounts)
    .where(eq(accounts.email, request.email));
  if (!account) {
    throw new UserFacingError(
      `No account has the email ${request.email}. Check the address, or sign up first.`,
    );
  }
  const had = account.roles.includes(request.role);
  if (had !== request.revoke) {
    return `${request.email} ${request.revoke ? 'does not have' : 'already has'} the role "${request.role}" (roles: ${list(account.roles)}). Nothing changed.`;
  }
  const roles = request.revoke
    ? sql`array_remove(${accounts.roles}, ${request.role})`
    : sql`array_append(array_remove(${accounts.roles}, ${request.role}), ${request.role})`;
  const [updated] = await db
    .update(accounts)
    .set({ roles, updatedAt: new Date() })
    .where(eq(accounts.email, request.email))
    .returning({ roles: accounts.roles });
  const verb = request.revoke
    ? `Revoked the role "${request.role}" from`
    : `Granted the role "${request.role}" to`;
  return (
    `${verb} ${request.email} (roles: ${list(updated?.roles ?? [])}).\n` +
    'Tokens already issued keep their roles until they are refreshed (at most AUTH_ACCESS_TTL).'
  );
}

async function main(): Promise<void> {
  const request = parseArgs(process.argv.slice(2));
  const config = loadConfigOrExit();
  @Module({
    imports: [DatabaseModule.forRoot({ url: config.databaseUrl, migrate: config.dbMigrate })],
  })
  class GrantRoleModule {}
  const app = await createApp(GrantRoleModule, { logger: { level: 'warn' } });
  try {
    process.stdout.write(`${await change(app, request)}\n`);
  } finally {
    await app.close();
  }
}

class UserFacingError extends Error {}

function list(roles: readonly string[]): string {
  return roles.length === 0 ? 'none' : roles.join(', ');
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function isPgliteLocked(error: unknown): boolean {
  for (let e = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === 'KEEL_DB_PGLITE_LOCKED') return true;
  }
  return false;
}

main().catch((error: unknown) => {
  if (error instanceof UserFacingError) fail(error.message);
  if (isPgliteLocked(error)) {
    fail(
      'The embedded database (./.data/pglite) is in use by the running app. Stop the app first ' +
        '(PGlite allows one process), then run this again; or set DATABASE_URL to a Postgres server.',
    );
  }
  fail(`grant-role failed: ${(error as Error)?.message ?? String(error)}`);
});
