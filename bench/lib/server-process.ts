/** One server under test in its own process: spawn, time to first 200, RSS, stop. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { liveChildren, trackChild } from './child-registry.js';
import { freePort } from './free-port.js';
import { httpRequest } from './http-probe.js';
import { BUILD_DIR, commandFor, REPO_ROOT, type Runtime } from './runtimes.js';

/** What to start. */
export interface ServerSpec {
  /** Label in logs and file names. */
  name: string;
  runtime: Runtime;
  /** Entry, as a TypeScript path relative to the repo root (`bench/servers/x.server.ts`). */
  entry: string;
  /** Path that answers 200 once the server is ready: cold start ends there. */
  probePath: string;
  /** Variables added to the runner's environment; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** Runtime flags before the entry (e.g. Node's `--cpu-prof`). */
  runtimeArgs?: string[];
  /** Bound on spawn to first 200 (default 60 s: PGlite takes seconds). */
  startTimeoutMs?: number;
}

/** Where server output goes (never a pipe: a full pipe would stall a server under load). */
export const LOG_DIR = join(BUILD_DIR, 'logs');

const STOP_GRACE_MS = 5000;

// Units of /proc/<pid>/stat times (USER_HZ), 100 on Linux unless getconf says otherwise.
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** A running server. */
export class ServerProcess {
  private constructor(
    readonly spec: ServerSpec,
    readonly port: number,
    /** Milliseconds from `spawn` to the first 200 on `probePath`. */
    readonly coldStartMs: number,
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  /** Spawns `spec` on a free port and resolves once `probePath` answers 200. */
  static async start(spec: ServerSpec): Promise<ServerProcess> {
    const port = await freePort();
    mkdirSync(LOG_DIR, { recursive: true });
    const logFile = join(LOG_DIR, `${spec.name}.${spec.runtime}.log`);
    const { command, args } = commandFor(spec.runtime, spec.entry, spec.runtimeArgs);
    const fd = openSync(logFile, 'w');
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: environment(spec.env, port),
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    trackChild(child);
    const url = `http://127.0.0.1:${port}${spec.probePath}`;
    try {
      await waitForOk(child, url, spec.startTimeoutMs ?? 60_000);
    } catch (error) {
      await stopChild(child);
      throw new Error(
        `${spec.name} (${spec.runtime}) did not start: ${(error as Error).message}\n${tail(logFile)}`,
      );
    }
    return new ServerProcess(spec, port, performance.now() - started, child, logFile);
  }

  /** `http://127.0.0.1:<port><path>`. */
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Resident set size of the server process now, in bytes (from /proc). */
  rssBytes(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb === undefined) throw new Error(`no VmRSS for ${this.spec.name}`);
    return Number(kb) * 1024;
  }

  /** CPU time (user + system, every thread) the server has used so far, in seconds. */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }

  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  stop(): Promise<void> {
    return stopChild(this.child);
  }
}

function environment(extra: ServerSpec['env'], port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  for (const [name, value] of Object.entries(extra ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

async function waitForOk(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`it exited (${child.exitCode ?? child.signalCode}) before answering`);
    }
    const status = await httpRequest(url, { timeoutMs: 1000 }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (status !== 0) throw new Error(`${url} answered ${status}`);
    await sleep(2);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Stops every child still running (servers a failed scenario left behind). */
export async function stopAll(): Promise<void> {
  await Promise.all(liveChildren().map(stopChild));
}
