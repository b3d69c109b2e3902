/** Generates a module's SQL migration with the project's drizzle-kit, after its files are written. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** How the migration step went; `command` is what to run by hand if it failed. */
export interface MigrationResult {
  ok: boolean;
  command: string;
  /** Why it failed. */
  reason?: string;
}

/** Runs the migration step for a table; tests pass their own. */
export type MigrationRunner = (root: string, table: string) => MigrationResult;

// An unanswered drizzle-kit prompt (a renamed column) must not hang a script or CI job forever.
const NON_INTERACTIVE_TIMEOUT_MS = 120_000;

/** The arguments of `drizzle-kit` for a new table's migration. */
export function migrationArgs(table: string): string[] {
  return ['generate', '--name', `create_${table}`];
}

/** `node_modules/.bin/drizzle-kit generate --name create_<table>` in `root`, its output shown as is. */
export const runDrizzleKit: MigrationRunner = (root, table) => {
  const args = migrationArgs(table);
  const command = `npx drizzle-kit ${args.join(' ')}`;
  const binary = join(root, 'node_modules', '.bin', 'drizzle-kit');
  if (!existsSync(binary)) {
    return { ok: false, command, reason: `${binary} is missing: run npm install` };
  }
  const result = spawnSync(binary, args, {
    cwd: root,
    stdio: 'inherit',
    timeout: process.stdin.isTTY ? undefined : NON_INTERACTIVE_TIMEOUT_MS,
  });
  if (result.error) return { ok: false, command, reason: result.error.message };
  if (result.status !== 0) {
    const how = result.signal ? `was stopped by ${result.signal}` : `exited with ${result.status}`;
    return { ok: false, command, reason: `drizzle-kit ${how}` };
  }
  return { ok: true, command };
};
