/** Raw-socket HTTP for edge tests: byte-exact requests, trickled bodies, and the Bun edge server. */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createEdgeApp, type EdgeAppOptions } from '../../../fixtures/edge-server/edge-app.js';

/** What came back on one connection. */
export interface RawResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
  /** True when the server closed the connection before `maxMs`. */
  closed: boolean;
  /** From connecting to the close (or to `maxMs`). */
  elapsedMs: number;
}

/** How to send. */
export interface RawOptions {
  /** Pause between chunks (a trickle); 0 sends them back to back. */
  intervalMs?: number;
  /** Give up (and destroy the socket) after this long. */
  maxMs?: number;
  /** Wait for the server to close the connection, not just for one whole response. */
  untilClose?: boolean;
  /** Connect at once, but send the first chunk only once this settles (several sockets at once). */
  start?: Promise<unknown>;
}

// True once the head and `Content-Length` bytes of body have arrived.
function complete(raw: string): boolean {
  const split = raw.indexOf('\r\n\r\n');
  if (split === -1) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(raw.slice(0, split))?.[1];
  return (
    length !== undefined && Buffer.byteLength(raw.slice(split + 4), 'latin1') >= Number(length)
  );
}

function parse(raw: string, closed: boolean, elapsedMs: number): RawResponse {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(statusLine.split(' ')[1] ?? Number.NaN);
  // `raw` holds one character per byte; the body is UTF-8.
  const body = split === -1 ? '' : Buffer.from(raw.slice(split + 4), 'latin1').toString('utf8');
  return { status, headers, body, closed, elapsedMs };
}

/** Sends `chunks` on a new connection and reads until the server closes it or `maxMs` passes. */
export function rawRequest(
  port: number,
  chunks: string | readonly string[],
  options: RawOptions = {},
): Promise<RawResponse> {
  const parts = typeof chunks === 'string' ? [chunks] : [...chunks];
  const { intervalMs = 0, maxMs = 3000, untilClose = false, start } = options;
  return new Promise((done) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let trickle: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(trickle);
      clearTimeout(giveUp);
      socket.destroy();
      done(parse(received, closed, Date.now() - started));
    };
    const giveUp = setTimeout(() => finish(false), maxMs);
    const sendNext = () => {
      const part = parts.shift();
      if (part === undefined || socket.destroyed) return;
      socket.write(part);
      if (intervalMs === 0) sendNext();
      else trickle = setTimeout(sendNext, intervalMs);
    };
    socket.on('connect', () => (start ? void start.then(sendNext) : sendNext()));
    socket.on('data', (data) => {
      received += data.toString('latin1');
      if (!untilClose && complete(received)) finish(false);
    });
    socket.on('close', () => finish(true));
    // A reset after the answer is a close like any other here.
    socket.on('error', () => undefined);
  });
}

/** A running edge app, in this process (Node) or in a Bun child process. */
export interface EdgeServer {
  runtime: 'node' | 'bun';
  port: number;
  stop(): Promise<void>;
}

const BUN = resolve('node_modules/.bin/bun');
const EDGE_MAIN = resolve('test/fixtures/edge-server/edge-main.ts');
const START_MS = 30_000;

function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
  });
}

function startBun(requestTimeoutMs: number): Promise<EdgeServer> {
  const child = spawn(BUN, ['--no-env-file', EDGE_MAIN, String(requestTimeoutMs)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (data) => {
    stderr += String(data);
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 5000);
  };
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void stop();
      fail(new Error(`the Bun edge server did not start within ${START_MS} ms: ${stderr}`));
    }, START_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the Bun edge server exited (${code}): ${stderr}`));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      done({ runtime: 'bun', port: (JSON.parse(line) as { port: number }).port, stop });
    });
  });
}

/** Starts the edge app on `runtime` with the given body deadline; `stop()` shuts it down. */
export async function startEdgeServer(
  runtime: 'node' | 'bun',
  options: EdgeAppOptions & { requestTimeoutMs: number },
): Promise<EdgeServer> {
  if (runtime === 'bun') return startBun(options.requestTimeoutMs);
  const app = await createEdgeApp(options);
  const port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port);
  return { runtime, port, stop: () => app.close() };
}
