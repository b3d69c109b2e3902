/**
 * SIGINT to one Keel process (Bun, not under PM2) on the real Postgres and Redis while 50 slow
 * requests and a WebSocket are open: all 50 answer 200, the socket closes with 1001, exit 0.
 */

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { httpGet, waitForInFlight } from '../core/application/fixtures/http-get.js';
import { KeelProcess } from '../core/application/fixtures/keel-process.js';
import { createPostgresDatabase, type ScratchDatabase } from '../helpers/test-database.js';

const IN_FLIGHT = 50;
const SLOW_MS = 3000;
const SHUTDOWN_TIMEOUT_MS = 10_000;

let database: ScratchDatabase | undefined;
let keel: KeelProcess | undefined;

function openSocket(url: string): Promise<{ closeCode: Promise<number> }> {
  const socket = new WebSocket(url);
  const closeCode = new Promise<number>((resolve) => socket.once('close', resolve));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ closeCode }));
    socket.once('error', reject);
  });
}

function errorLines(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .filter((line) => (JSON.parse(line) as { level?: number }).level! >= 50);
}

describe('SIGINT to a single Keel process with slow requests in flight', () => {
  beforeAll(async () => {
    database = await createPostgresDatabase('keel_sigint');
    keel = await KeelProcess.start('test/cluster/slow-app.entry.ts', {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL as string,
      CACHE_PREFIX: `keel-sigint-${randomBytes(4).toString('hex')}:`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    });
  });

  afterAll(async () => {
    await keel?.stop();
    await database?.drop();
  });

  it(`answers all ${IN_FLIGHT} with 200, closes WebSockets with 1001 and exits 0`, async () => {
    const target = keel as KeelProcess;
    const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    const ws = await openSocket(`ws://127.0.0.1:${target.port}/ws`);
    const requests = Array.from({ length: IN_FLIGHT }, () =>
      httpGet(`${target.url}/slow?ms=${SLOW_MS}`, agent),
    );
    await waitForInFlight(target.url, IN_FLIGHT);
    const signalled = Date.now();
    target.signal('SIGINT');
    const results = await Promise.allSettled(requests);
    const exit = await target.exited();
    const exitMs = Date.now() - signalled;
    agent.destroy();

    const answers = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const ok = answers.filter((answer) => answer.status === 200).length;
    const closing = answers.filter((answer) => answer.connection === 'close').length;
    const wsCode = await ws.closeCode;
    console.log(
      `\n[cluster] SIGINT with ${IN_FLIGHT} slow requests (${SLOW_MS} ms) in flight\n` +
        `  answered 200: ${ok}/${IN_FLIGHT} (with Connection: close: ${closing}); failed: ${results.length - answers.length}\n` +
        `  WebSocket close code: ${wsCode}\n` +
        `  exit code ${exit.code} (signal ${exit.signal}) ${exitMs} ms after SIGINT\n`,
    );

    expect(ok).toBe(IN_FLIGHT);
    expect(closing).toBe(IN_FLIGHT);
    expect(wsCode).toBe(1001);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(errorLines(target.log)).toEqual([]);
  });
});
