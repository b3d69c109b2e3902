/** ecosystem.config.cjs: one forked Bun process that PM2 gives time to shut down gracefully. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface PmApp {
  readonly script: string;
  readonly interpreter: string;
  readonly exec_mode: string;
  readonly instances: number;
  readonly kill_timeout: number;
  readonly out_file: string;
  readonly error_file: string;
  readonly env_production: Record<string, string>;
}

/** The first app of the PM2 file as PM2 would load it, with `env` as the environment. */
function loadApp(env: Record<string, string>): PmApp {
  const script = `process.stdout.write(JSON.stringify(require(${JSON.stringify(
    resolve('ecosystem.config.cjs'),
  )}).apps[0]))`;
  // A fresh process: the file reads the environment (and .env) once, at require time.
  const out = execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return JSON.parse(out) as PmApp;
}

describe('ecosystem.config.cjs', () => {
  it('runs src/main.ts once, forked, under the project-local Bun', () => {
    const app = loadApp({ SHUTDOWN_TIMEOUT_MS: '10000' });
    expect(app).toMatchObject({ script: 'src/main.ts', exec_mode: 'fork', instances: 1 });
    expect(app.interpreter).toBe(resolve('node_modules/.bin/bun'));
    expect(existsSync(app.interpreter)).toBe(true);
    expect(app.env_production.NODE_ENV).toBe('production');
  });

  it('writes its logs under ./logs', () => {
    const app = loadApp({});
    expect([app.out_file, app.error_file]).toEqual([
      resolve('logs/keel.out.log'),
      resolve('logs/keel.err.log'),
    ]);
  });

  it('waits longer than SHUTDOWN_TIMEOUT_MS before killing the process', () => {
    expect(loadApp({ SHUTDOWN_TIMEOUT_MS: '10000' }).kill_timeout).toBeGreaterThan(10_000);
    expect(loadApp({ SHUTDOWN_TIMEOUT_MS: '30000' }).kill_timeout).toBeGreaterThan(30_000);
  });
});
