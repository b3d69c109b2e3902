/** ecosystem.config.cjs: a cluster of Bun workers (and a Node variant) that PM2 reloads gracefully. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface PmApp {
  readonly name: string;
  readonly script: string;
  readonly interpreter: string;
  readonly exec_mode: string;
  readonly instances: number;
  readonly wait_ready: boolean;
  readonly listen_timeout: number;
  readonly kill_timeout: number;
  readonly max_memory_restart: string;
  readonly out_file: string;
  readonly error_file: string;
  readonly env_production: Record<string, string>;
}

const POSTGRES = 'postgres://postgres@127.0.0.1:5432/keel';

/** The apps of the PM2 file as PM2 would load them, with `env` as the whole environment. */
function loadApps(env: Record<string, string>): PmApp[] {
  const script = `process.stdout.write(JSON.stringify(require(${JSON.stringify(
    resolve('ecosystem.config.cjs'),
  )}).apps))`;
  // A fresh process: the file reads the environment (and .env) once, at require time.
  const out = execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return JSON.parse(out) as PmApp[];
}

function loadApp(env: Record<string, string>, name = 'keel'): PmApp {
  const app = loadApps(env).find((candidate) => candidate.name === name);
  if (!app) throw new Error(`ecosystem.config.cjs has no app named ${name}`);
  return app;
}

describe('ecosystem.config.cjs', () => {
  it('runs src/main.ts as a cluster under the project-local Bun', () => {
    const app = loadApp({ DATABASE_URL: POSTGRES });
    expect(app).toMatchObject({ script: 'src/main.ts', exec_mode: 'cluster', wait_ready: true });
    expect(app.interpreter).toBe(resolve('node_modules/.bin/bun'));
    expect(existsSync(app.interpreter)).toBe(true);
    expect(app.env_production.NODE_ENV).toBe('production');
  });

  it('has a Node variant running the built dist/main.js with the same settings', () => {
    const bun = loadApp({ DATABASE_URL: POSTGRES });
    const node = loadApp({ DATABASE_URL: POSTGRES }, 'keel-node');
    expect(node).toMatchObject({ script: 'dist/main.js', interpreter: 'node' });
    const shared = ({ name, script, interpreter, out_file, error_file, ...rest }: PmApp) => rest;
    expect(shared(node)).toEqual(shared(bun));
  });

  it('starts WEB_CONCURRENCY workers, else one per core with Postgres and one with PGlite', () => {
    expect(loadApp({ WEB_CONCURRENCY: '3', DATABASE_URL: POSTGRES }).instances).toBe(3);
    expect(loadApp({ DATABASE_URL: POSTGRES }).instances).toBe(availableParallelism());
    expect(loadApp({}).instances).toBe(1);
    expect(loadApp({ DATABASE_URL: 'pglite://memory' }).instances).toBe(1);
    // The one worker started then exits with the app's own config error for the bad value.
    expect(loadApp({ WEB_CONCURRENCY: 'many' }).instances).toBe(1);
  });

  it('waits for ready longer than a boot takes, and restarts a worker that grows too big', () => {
    const app = loadApp({ DATABASE_URL: POSTGRES });
    expect(app.listen_timeout).toBeGreaterThanOrEqual(10_000);
    expect(app.max_memory_restart).toMatch(/^\d+M$/);
  });

  it('waits longer than SHUTDOWN_TIMEOUT_MS before killing a worker', () => {
    expect(loadApp({ SHUTDOWN_TIMEOUT_MS: '10000' }).kill_timeout).toBeGreaterThan(10_000);
    expect(loadApp({ SHUTDOWN_TIMEOUT_MS: '30000' }).kill_timeout).toBeGreaterThan(30_000);
  });

  it('writes its logs under ./logs, or under PM2_LOG_DIR', () => {
    const app = loadApp({});
    expect([app.out_file, app.error_file]).toEqual([
      resolve('logs/keel.out.log'),
      resolve('logs/keel.err.log'),
    ]);
    expect(loadApp({ PM2_LOG_DIR: '/tmp/keel-logs' }, 'keel-node').out_file).toBe(
      '/tmp/keel-logs/keel-node.out.log',
    );
  });

  it('is driven by npm scripts that start each variant on its own runtime', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['pm2:start']).toMatch(
      /^bunx --bun pm2 start ecosystem\.config\.cjs --only keel /,
    );
    expect(scripts['pm2:reload']).toMatch(
      /^bunx --bun pm2 reload ecosystem\.config\.cjs --only keel /,
    );
    expect(scripts['pm2:start:node']).toMatch(
      /^npm run build && pm2 start ecosystem\.config\.cjs --only keel-node/,
    );
    expect(scripts['pm2:stop']).toContain('pm2 stop ecosystem.config.cjs');
    expect(scripts['pm2:logs']).toContain('pm2 logs');
  });
});
