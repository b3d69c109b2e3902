/**
 * The load generator: a Node process of its own (never a server's) that runs the autocannon jobs
 * the runner sends over IPC, one at a time, and answers with autocannon's result object.
 */
import { createRequire } from 'node:module';

/** A job from `load.ts`. */
export interface LoadJob {
  id: number;
  url: string;
  method: 'GET' | 'POST';
  jsonBody?: string;
  durationS: number;
  connections: number;
  pipelining: number;
}

/** The fields of autocannon's result the runner reads. */
export interface AutocannonResult {
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p99: number };
}

/** What goes back to the runner. */
export interface LoadReply {
  id: number;
  result?: AutocannonResult;
  error?: string;
}

type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => unknown;

function run(autocannon: Autocannon, job: LoadJob): Promise<LoadReply> {
  const body = job.jsonBody === undefined ? {} : { body: job.jsonBody };
  const headers = job.jsonBody === undefined ? {} : { 'content-type': 'application/json' };
  return new Promise((resolve) => {
    autocannon(
      {
        url: job.url,
        method: job.method,
        headers,
        ...body,
        duration: job.durationS,
        connections: job.connections,
        pipelining: job.pipelining,
        timeout: 5,
      },
      (error, result) =>
        resolve(error ? { id: job.id, error: error.message } : { id: job.id, result }),
    );
  });
}

// Only when started as the worker (the runner imports this file for its types).
if (process.send) {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  let queue = Promise.resolve();
  process.on('message', (job: LoadJob) => {
    queue = queue.then(async () => {
      process.send!(await run(autocannon, job));
    });
  });
  process.on('disconnect', () => process.exit(0));
}
