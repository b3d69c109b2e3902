/**
 * The example app as the load tests run it: in this (Node) process, or as `bun src/main.ts` in a
 * child process (Bun is the production runtime). Either way its JSON log lines are readable.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createApp } from '#core';
import { AppModule } from '../../src/app/app.module.js';
import { loadConfig } from '../../src/app/config.js';
import { freePort } from '../helpers/redis-server.js';
import { testPrivateKeyEnv } from '../helpers/test-signing-key.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUN = join(REPO_ROOT, 'node_modules', '.bin', 'bun');
const BOOT_TIMEOUT_MS = 60_000;

/** Where the app runs. */
export type Runtime = 'node' | 'bun';

/** One parsed log line. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A running app. */
export interface AppUnderTest {
  base: string;
  /** Every JSON line it logged so far. */
  lines: LogLine[];
  stop(): Promise<void>;
}

/** Boots the app with `env` (on top of NODE_ENV=production) and waits until /health/live answers. */
export async function startApp(
  runtime: Runtime,
  env: Record<string, string>,
): Promise<AppUnderTest> {
  const lines: LogLine[] = [];
  const collect = lineCollector(lines);
  const fullEnv = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    AUTH_PRIVATE_KEY: testPrivateKeyEnv(),
    ...env,
  };
  if (runtime === 'node') {
    const config = loadConfig(fullEnv, { envFile: false });
    const app = await createApp(AppModule.forRoot(config), {
      logger: pino({ level: 'info' }, collect),
    });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    return { base, lines, stop: () => app.close() };
  }
  const port = await freePort();
  const child = spawn(BUN, ['src/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...fullEnv, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(collect);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.once('exit', (code, signal) => {
    if (code !== 0)
      console.error(`bun src/main.ts exited (${code ?? signal}): ${stderr.slice(-4000)}`);
  });
  const base = `http://127.0.0.1:${port}`;
  await waitLive(base, child, () => stderr);
  return { base, lines, stop: () => stopChild(child) };
}

function lineCollector(lines: LogLine[]): Writable {
  let rest = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) if (line.startsWith('{')) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
}

async function waitLive(base: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bun src/main.ts exited: ${stderr()}`);
    const ok = await fetch(`${base}/health/live`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`bun src/main.ts did not answer ${base}/health/live: ${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
