/** `npm run dev` (scripts/dev.ts) on a project copy: a boot error waits for the fix, tsc reports beside. */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ProjectCopy } from './project-copy.js';

// tsc's first pass over the whole project is slow on a busy machine: generous bounds.
const WAIT = { timeout: 150_000, interval: 100 };
const MODULE = 'src/modules/health/health.module.ts';

describe('npm run dev', { timeout: 600_000 }, () => {
  let copy: ProjectCopy;
  let dev: ChildProcess;
  let output = '';
  const text = () => stripVTControlCharacters(output);
  const pids = () =>
    [...text().matchAll(/started \(pid (\d+)\)/g)].map((match) => Number(match[1]));
  // The addresses the app logged on listening (pretty or JSON), oldest first.
  const addresses = () =>
    [...text().matchAll(/"(http:\/\/127\.0\.0\.1:\d+)"/g)].map((match) => match[1]);
  const address = () => addresses().at(-1);
  const waitFor = (what: string, predicate: () => boolean) =>
    vi.waitUntil(predicate, WAIT).catch(() => {
      throw new Error(
        `timed out waiting for ${what}; the output ends with:\n${text().slice(-4000)}`,
      );
    });
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(() => {
    copy = ProjectCopy.create();
    expect(JSON.parse(copy.read('package.json')).scripts.dev).toBe('bun scripts/dev.ts');
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
    delete env.REDIS_URL;
    Object.assign(env, {
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: 'pglite://memory',
    });
    dev = spawn(join(copy.root, 'node_modules', '.bin', 'bun'), ['scripts/dev.ts'], {
      cwd: copy.root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const append = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    dev.stdout?.on('data', append);
    dev.stderr?.on('data', append);
  });

  afterAll(() => {
    dev.kill('SIGKILL');
    // The supervisor's children run in their own process groups.
    for (const pid of pids()) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    copy.remove();
  });

  it('keeps watching after a DI error, comes back once it is fixed, and prints tsc errors', async () => {
    await waitFor('the app to listen', () => address() !== undefined);
    expect((await fetch(`${address()}/health/live`)).status).toBe(200);

    const source = copy.read(MODULE);
    writeFileSync(
      join(copy.root, MODULE),
      source.replace('providers: [HealthService]', 'providers: []'),
    );
    await waitFor('the app to exit', () => text().includes('[dev] the app exited (code 1)'));
    expect(text()).toMatch(/^\[app\] .*needs HealthService, which is not visible in HealthModule/m);
    expect(text()).toContain('[app]   See: docs/errors.md#keel_di_missing_provider');
    expect(dev.exitCode).toBeNull();

    const listened = addresses().length;
    writeFileSync(join(copy.root, MODULE), source);
    await waitFor('the app to listen again', () => addresses().length > listened);
    expect(text()).toContain('[dev] change detected: restarting the app');
    expect((await fetch(`${address()}/health/live`)).status).toBe(200);

    writeFileSync(join(copy.root, 'src/dev-probe.ts'), "export const probe: number = 'text';\n");
    await waitFor('the tsc error', () =>
      /^\[tsc\] src\/dev-probe\.ts\(1,14\): error TS2322/m.test(text()),
    );
  });

  it('stops the app and tsc on SIGTERM', async () => {
    const children = pids();
    expect(children.length).toBeGreaterThanOrEqual(3);
    dev.kill('SIGTERM');
    await waitFor('dev to exit', () => dev.exitCode !== null || dev.signalCode !== null);
    expect(dev.exitCode).toBe(0);
    expect(children.filter(alive)).toEqual([]);
  });
});
