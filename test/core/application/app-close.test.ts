/** App.close on a listening server: in-flight requests finish, keep-alive sockets never hold it. */
import http from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type App, createApp } from '#core';
import { httpGet, waitForInFlight } from './fixtures/http-get.js';
import { SlowAppModule } from './fixtures/slow-app.module.js';

// keepAliveTimeout is 72 s: a socket that held close would take that long.
const DOES_NOT_HANG_MS = 10_000;

let app: App | undefined;
let agent: http.Agent | undefined;

async function listening(): Promise<{ app: App; url: string; agent: http.Agent }> {
  app = await createApp(SlowAppModule, { logger: false });
  const url = await app.listen();
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return { app, url, agent };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

afterEach(async () => {
  agent?.destroy();
  await app?.close();
  app = undefined;
  agent = undefined;
});

describe('App.close on a listening server', () => {
  it('keeps connections alive until it starts closing', async () => {
    const { app: running, url, agent: keepAlive } = await listening();
    expect((await httpGet(`${url}/ping`, keepAlive)).connection).toBe('keep-alive');
    expect(running.isClosing).toBe(false);
    const closed = running.close();
    expect(running.isClosing).toBe(true);
    await closed;
  });

  it('does not let an idle keep-alive connection hold it', async () => {
    const { app: running, url, agent: keepAlive } = await listening();
    await httpGet(`${url}/ping`, keepAlive);
    expect(running.connectionCount).toBe(1);
    await within(running.close(), DOES_NOT_HANG_MS);
    await vi.waitFor(() => expect(running.connectionCount).toBe(0));
  });

  it('finishes a request in flight, answers it with Connection: close and ends that socket', async () => {
    const { app: running, url, agent: keepAlive } = await listening();
    await httpGet(`${url}/ping`, keepAlive);
    const slow = httpGet(`${url}/slow?ms=500`, keepAlive);
    await waitForInFlight(url, 1);
    const closed = running.close();
    expect(await slow).toMatchObject({ status: 200, connection: 'close' });
    await within(closed, DOES_NOT_HANG_MS);
    await vi.waitFor(() => expect(running.connectionCount).toBe(0));
  });

  it('answers an open keep-alive connection while it drains, with Connection: close', async () => {
    const { app: running, url, agent: keepAlive } = await listening();
    await httpGet(`${url}/ping`, keepAlive);
    const closed = running.close('SIGTERM', { drainMs: 5000 });
    expect(await httpGet(`${url}/ping`, keepAlive)).toMatchObject({
      status: 200,
      connection: 'close',
    });
    // The client left and no new connection is accepted: the drain ends before its window.
    await expect(httpGet(`${url}/ping`, keepAlive)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    await within(closed, 4000);
  });

  it('stops draining after drainMs when a connection stays idle', async () => {
    const { app: running, url, agent: keepAlive } = await listening();
    await httpGet(`${url}/ping`, keepAlive);
    await within(running.close('SIGTERM', { drainMs: 200 }), DOES_NOT_HANG_MS);
    await vi.waitFor(() => expect(running.connectionCount).toBe(0));
  });
});
