/**
 * SIGTERM to a Keel process under Bun (the production runtime) while a client holds a keep-alive
 * connection: the process must exit 0 long before Fastify's 72 s keepAliveTimeout.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { httpGet, waitForInFlight } from './fixtures/http-get.js';
import { KeelProcess } from './fixtures/keel-process.js';

const ENTRY = 'test/core/application/fixtures/slow-app.entry.ts';
// Far below the 72 s keep-alive timeout, far above a graceful exit (~2 s of drain).
const DOES_NOT_HANG_MS = 15_000;

let keel: KeelProcess | undefined;
let agent: http.Agent | undefined;

async function exitAfter(process: KeelProcess, signal: NodeJS.Signals) {
  const signalled = Date.now();
  process.signal(signal);
  const exit = await process.exited();
  return { ...exit, ms: Date.now() - signalled };
}

afterEach(async () => {
  agent?.destroy();
  await keel?.stop();
  keel = undefined;
});

describe('SIGTERM with keep-alive clients (Bun process)', () => {
  it('exits 0 promptly although a client holds an idle keep-alive connection', async () => {
    keel = await KeelProcess.start(ENTRY);
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await httpGet(`${keel.url}/ping`, agent)).connection).toBe('keep-alive');
    const exit = await exitAfter(keel, 'SIGTERM');
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(DOES_NOT_HANG_MS);
  });

  it('answers the request in flight with Connection: close, then exits 0', async () => {
    keel = await KeelProcess.start(ENTRY);
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await httpGet(`${keel.url}/ping`, agent);
    // The same keep-alive socket is busy when the signal comes, idle right after: the trap.
    const slow = httpGet(`${keel.url}/slow?ms=1000`, agent);
    await waitForInFlight(keel.url, 1);
    const exit = exitAfter(keel, 'SIGTERM');
    expect(await slow).toMatchObject({ status: 200, connection: 'close' });
    expect(await exit).toMatchObject({ code: 0, signal: null });
    expect((await exit).ms).toBeLessThan(DOES_NOT_HANG_MS);
  }, 30_000);

  it('refuses new connections at once but answers an idle keep-alive one, then exits 0', async () => {
    keel = await KeelProcess.start(ENTRY);
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await httpGet(`${keel.url}/ping`, agent);
    const exit = exitAfter(keel, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(httpGet(`${keel.url}/ping`, false)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    // Not closed under the client: its next request is answered, and told to reconnect.
    expect(await httpGet(`${keel.url}/ping`, agent)).toMatchObject({
      status: 200,
      connection: 'close',
    });
    expect(await exit).toMatchObject({ code: 0, signal: null });
  }, 30_000);
});
