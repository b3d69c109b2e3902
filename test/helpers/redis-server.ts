/** A private redis-server on a free port that tests may stop, pause and restart. */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

const running = new Set<ChildProcess>();
// A crashed test run must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** The `redis-server` binary on PATH, or `undefined` when there is none. */
export function findRedisServerBinary(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this PATH entry
    }
  }
  return undefined;
}

/**
 * Whether suites that need a private server should run. Outside CI a missing binary skips them
 * with a printed reason; in CI they run (and fail in `start`) so the gap cannot go unnoticed.
 */
export function privateRedisAvailable(suite: string): boolean {
  if (findRedisServerBinary() || process.env.CI) return true;
  console.warn(`[skip] ${suite}: no redis-server binary on PATH (install redis to run it)`);
  return false;
}

/** A port nothing listens on right now (connections to it are refused). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** A redis-server child process owned by one test file. */
export class PrivateRedisServer {
  private child: ChildProcess | undefined;
  private paused = false;

  private constructor(readonly port: number) {}

  /** Starts a server on `port` (default: a free one), without persistence. */
  static async start(port?: number): Promise<PrivateRedisServer> {
    const server = new PrivateRedisServer(port ?? (await freePort()));
    await server.start();
    return server;
  }

  /** `redis://127.0.0.1:<port>`. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** (Re)starts the server on the same port and waits until it accepts connections. */
  async start(): Promise<void> {
    if (this.child) return;
    const binary = findRedisServerBinary();
    if (!binary) throw new Error('redis-server is not on PATH: install redis (CI requires it)');
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    running.add(child);
    child.once('exit', () => running.delete(child));
    await waitForReady(child, this.port);
  }

  /** Stops the server (SIGTERM, then SIGKILL after 3 s) and waits for the process to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (this.paused) this.resume(child);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }

  /** Freezes the process (SIGSTOP): connections stay open and nothing answers. */
  pause(): void {
    if (!this.child) throw new Error('the server is not running');
    this.child.kill('SIGSTOP');
    this.paused = true;
  }

  /** Thaws a paused process (SIGCONT). */
  resume(child = this.child): void {
    child?.kill('SIGCONT');
    this.paused = false;
  }
}

function waitForReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start:\n${output}`)),
      10_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) done();
    };
    const onExit = (code: number | null) => {
      fail(new Error(`redis-server on port ${port} exited with ${code}:\n${output}`));
    };
    function done() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve();
    }
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
