/** Load from autocannon in its own Node process (never in a server's process), as JSON figures. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { trackChild } from './child-registry.js';
import { NODE_BIN, REPO_ROOT } from './runtimes.js';

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
}

interface AutocannonJson {
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p99: number };
}

const AUTOCANNON = join(REPO_ROOT, 'node_modules', 'autocannon', 'autocannon.js');

function autocannonArgs(options: LoadOptions): string[] {
  const args = [AUTOCANNON, '--json', '--no-progress'];
  args.push('-c', String(options.connections), '-p', String(options.pipelining));
  args.push('-d', String(options.durationS), '-t', '5');
  if (options.method) args.push('-m', options.method);
  if (options.jsonBody !== undefined) {
    args.push('-H', 'content-type=application/json', '-b', options.jsonBody);
  }
  args.push(options.url);
  return args;
}

/** Runs autocannon against `options.url`; rejects if it fails or overruns its duration. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const child = spawn(NODE_BIN, autocannonArgs(options), { stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const overrun = setTimeout(() => child.kill('SIGKILL'), (options.durationS + 20) * 1000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(overrun);
      if (code !== 0) {
        reject(new Error(`autocannon exited ${code} for ${options.url}: ${stderr.trim()}`));
        return;
      }
      resolve(toResult(JSON.parse(stdout) as AutocannonJson));
    });
  });
}

function toResult(json: AutocannonJson): LoadResult {
  return {
    rps: json['2xx'] / json.duration,
    p50Ms: json.latency.p50,
    p99Ms: json.latency.p99,
    failures: json.non2xx + json.errors + json.timeouts,
  };
}
