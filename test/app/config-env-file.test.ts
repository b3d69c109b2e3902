/** Behaviour of `.env` loading, its precedence, and loadConfigOrExit's report before exiting. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadConfigOrExit } from '../../src/app/config.js';

const tmp = mkdtempSync(join(tmpdir(), 'keel-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeEnvFile(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('.env loading', () => {
  it('reads variables from the dotenv file', () => {
    const envFile = writeEnvFile('read.env', '# comment\nPORT=4000\nAPI_PREFIX="/api"\n');
    expect(loadConfig({}, { envFile })).toMatchObject({ port: 4000, apiPrefix: '/api' });
  });

  it('lets the process environment win over the dotenv file', () => {
    const envFile = writeEnvFile('precedence.env', 'PORT=4000\nLOG_LEVEL=debug\n');
    expect(loadConfig({ PORT: '5000' }, { envFile })).toMatchObject({
      port: 5000,
      logLevel: 'debug',
    });
  });

  it('does not write what it reads into the environment it was given', () => {
    const envFile = writeEnvFile('pure.env', 'PORT=4000\n');
    const env: Record<string, string> = {};
    loadConfig(env, { envFile });
    expect(env).toEqual({});
  });

  it('ignores a missing dotenv file', () => {
    const envFile = join(tmp, 'missing.env');
    expect(loadConfig({ PORT: '1234' }, { envFile }).port).toBe(1234);
  });

  it('reports a dotenv path it cannot read', () => {
    expect(() => loadConfig({}, { envFile: tmp })).toThrow(ConfigError);
    expect(() => loadConfig({}, { envFile: tmp })).toThrow(/cannot be read \(EISDIR\)/);
  });

  it('validates the values that come from the dotenv file', () => {
    const envFile = writeEnvFile('bad.env', 'PORT=eighty\n');
    expect(() => loadConfig({}, { envFile })).toThrow(
      'PORT: "eighty" is not a port; expected an integer from 0 to 65535',
    );
  });
});

describe('loadConfigOrExit', () => {
  it('returns the config when it is valid', () => {
    expect(loadConfigOrExit({ PORT: '81' }, { envFile: false }).port).toBe(81);
  });

  it('prints the error lines to stderr and exits with 1', () => {
    const written: string[] = [];
    const exit = (code: number): never => {
      throw new Error(`exit ${code}`);
    };
    const stderr = { write: (text: string) => written.push(text) };
    expect(() => loadConfigOrExit({ PORT: 'abc' }, { envFile: false, exit, stderr })).toThrow(
      'exit 1',
    );
    expect(written.join('')).toContain(
      '  PORT: "abc" is not a port; expected an integer from 0 to 65535\n',
    );
  });

  it('reads ./.env by default and exits 1 in a real process', () => {
    const cwd = mkdtempSync(join(tmp, 'cwd-'));
    writeFileSync(join(cwd, '.env'), 'DB_POOL_MAX=0\n');
    const config = resolve('src/app/config.ts');
    const bun = resolve('node_modules/.bin/bun');
    const script = `import { loadConfigOrExit } from ${JSON.stringify(config)};
      loadConfigOrExit(); console.log('listening');`;
    // --no-env-file: Bun would otherwise load .env itself, hiding whether the config does.
    const run = spawnSync(bun, ['--no-env-file', '-e', script], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('listening');
    expect(run.stderr).toContain('DB_POOL_MAX: "0" is not a pool size');
    const ok = execFileSync(bun, ['--no-env-file', '-e', script], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', DB_POOL_MAX: '5' },
    });
    expect(ok).toContain('listening');
  });
});
