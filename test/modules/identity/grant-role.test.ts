/** `bun scripts/grant-role.ts` against a real Postgres database: grant, revoke, unknown email. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts } from '#modules/identity';
import { useTestDatabase } from '../../helpers/test-database.js';

const run = promisify(execFile);
const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres)
  console.warn(
    '[skip] grant-role script: DATABASE_URL is not set (the script needs its own connection)',
  );

describe.skipIf(!hasPostgres)('scripts/grant-role.ts', () => {
  const database = useTestDatabase('postgres');

  const grantRole = async (...args: string[]) => {
    const env = {
      ...process.env,
      DATABASE_URL: database().url,
      DB_MIGRATE: 'false',
      LOG_LEVEL: 'warn',
    };
    try {
      const { stdout, stderr } = await run('npx', ['bun', 'scripts/grant-role.ts', ...args], {
        env,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const rolesOf = async (email: string) =>
    (
      await database()
        .db.select({ roles: accounts.roles })
        .from(accounts)
        .where(eq(accounts.email, email))
    )[0]?.roles;

  it('grants a role once, says so, and revokes it with --revoke', async () => {
    await database()
      .db.insert(accounts)
      .values({ email: 'ana@example.com', name: 'Ana', roles: ['editor'] });
    const granted = await grantRole('Ana@Example.com', 'admin');
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain(
      'Granted the role "admin" to ana@example.com (roles: editor, admin)',
    );
    expect(await rolesOf('ana@example.com')).toEqual(['editor', 'admin']);
    const again = await grantRole('ana@example.com', 'admin');
    expect(again.stdout).toContain('already has the role "admin"');
    expect(await rolesOf('ana@example.com')).toEqual(['editor', 'admin']);
    const revoked = await grantRole('ana@example.com', 'admin', '--revoke');
    expect(revoked.stdout).toContain(
      'Revoked the role "admin" from ana@example.com (roles: editor)',
    );
    expect(await rolesOf('ana@example.com')).toEqual(['editor']);
  }, 60_000);

  it('an unknown email or a bad role name: exit 1 with a clear message, nothing changed', async () => {
    await database().db.insert(accounts).values({ email: 'bo@example.com', name: 'Bo' });
    const unknown = await grantRole('nobody@example.com', 'admin');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No account has the email nobody@example.com');
    const bad = await grantRole('bo@example.com', 'not a role');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a role name');
    const usage = await grantRole('bo@example.com');
    expect(usage.stderr).toContain('Usage: bun scripts/grant-role.ts');
    expect(await rolesOf('bo@example.com')).toEqual([]);
  }, 60_000);
});
