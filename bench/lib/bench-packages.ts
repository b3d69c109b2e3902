/** The bench's own packages (NestJS): bench/package.json, installed into bench/node_modules. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './runtimes.js';

const BENCH_DIR = join(REPO_ROOT, 'bench');

/** The command that installs them, exactly as the lockfile says. */
export const INSTALL_COMMAND = 'npm ci --prefix bench --no-audit --no-fund';

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The direct devDependencies whose installed version is not the locked one (or is missing). */
export function stalePackages(): string[] {
  const manifest = readJson(join(BENCH_DIR, 'package.json'));
  const lock = readJson(join(BENCH_DIR, 'package-lock.json'));
  const locked = (lock?.packages ?? {}) as Record<string, { version?: string }>;
  const names = Object.keys((manifest?.devDependencies ?? {}) as Record<string, string>);
  return names.filter((name) => {
    const installed = readJson(join(BENCH_DIR, 'node_modules', name, 'package.json'))?.version;
    return installed === undefined || installed !== locked[`node_modules/${name}`]?.version;
  });
}

/** Runs `npm ci --prefix bench` when a package is missing or not the locked version. */
export function ensureBenchPackages(log: (line: string) => void): void {
  const stale = stalePackages();
  if (stale.length === 0) return;
  log(`installing the bench's packages (${stale.join(', ')}): ${INSTALL_COMMAND}`);
  const [command, ...args] = INSTALL_COMMAND.split(' ') as [string, ...string[]];
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', timeout: 300_000 });
  if (result.status === 0 && stalePackages().length === 0) return;
  const why = result.error?.message ?? `exit ${result.status ?? result.signal}`;
  throw new Error(
    `the bench's packages (NestJS) are not installed and \`${INSTALL_COMMAND}\` failed (${why}); ` +
      'run it from the repository root, then `npm run bench` again',
  );
}

// Read from the files (bench/.npmrc fixes where each package sits): right after `npm ci`,
// require.resolve in the running Bun process still answered that they were missing.
function versionOf(...path: string[]): string {
  return String(readJson(join(...path, 'package.json'))?.version ?? 'not installed');
}

/** For the results header: NestJS, the Fastify its adapter pins, and the other servers' Fastify. */
export function nestVersionsNote(): string {
  const modules = join(BENCH_DIR, 'node_modules');
  const adapter = join(modules, '@nestjs', 'platform-fastify');
  const nestFastify = versionOf(adapter, 'node_modules', 'fastify');
  const nest = `${versionOf(modules, '@nestjs', 'core')} (@nestjs/platform-fastify ${versionOf(adapter)} on fastify ${nestFastify})`;
  return `NestJS ${nest}; the other servers run fastify ${versionOf(REPO_ROOT, 'node_modules', 'fastify')}`;
}
