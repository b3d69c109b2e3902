/** Load from autocannon in its own Node process (never in a server's process), as figures. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { trackChild } from './child-registry.js';
import type { AutocannonResult, LoadJob, LoadReply } from './load-worker.js';
import { BUILD_DIR, NODE_BIN } from './runtimes.js';

/** One load run. */
export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  /** Sent as is with `content-type: application/json`. */
  jsonBody?: string;
  durationS: number;
  connections: number;
  pipelining: number;
}

/** What one run measured. */
export interface LoadResult {
  /** 2xx responses per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses that were not 2xx, plus socket errors and timeouts. */
  failures: number;
  /** Responses received, any status. */
  responses: number;
}

// One long-lived worker: spawning autocannon per run would add half a second each time.
let worker: ChildProcess | undefined;
let nextId = 0;
const pending = new Map<number, (reply: LoadReply) => void>();

function loadWorker(): ChildProcess {
  if (worker && worker.exitCode === null && worker.signalCode === null) return worker;
  const script = join(BUILD_DIR, 'bench', 'lib', 'load-worker.js');
  const child = spawn(NODE_BIN, [script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  trackChild(child);
  child.on('message', (reply: LoadReply) => pending.get(reply.id)?.(reply));
  child.once('exit', (code, signal) => {
    for (const [id, settle] of pending)
      settle({ id, error: `load worker exited (${code ?? signal})` });
    pending.clear();
  });
  worker = child;
  return child;
}

/** Runs autocannon against `options.url`; rejects if it fails or overruns its duration. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const child = loadWorker();
  nextId += 1;
  const job: LoadJob = { ...options, id: nextId, method: options.method ?? 'GET' };
  return new Promise((resolve, reject) => {
    const overrun = setTimeout(() => child.kill('SIGKILL'), (options.durationS + 20) * 1000);
    pending.set(job.id, (reply) => {
      clearTimeout(overrun);
      pending.delete(job.id);
      if (reply.result) resolve(toResult(reply.result));
      else reject(new Error(`autocannon failed on ${options.url}: ${reply.error}`));
    });
    child.send(job);
  });
}

/** Lets the worker exit (it stops when the runner disconnects). */
export function stopLoadWorker(): void {
  if (worker?.connected) worker.disconnect();
  worker = undefined;
}

function toResult(result: AutocannonResult): LoadResult {
  return {
    rps: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    responses: result['2xx'] + result.non2xx,
  };
}
