/**
 * App.close takes no new work: new connections are refused at once, readiness answers 503,
 * requests in flight finish, and one still running at the deadline gets a 503 error body.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp, Module } from '#core';
import { HealthModule } from '#modules/health';
import { httpGet, waitForInFlight } from './fixtures/http-get.js';
import { SlowController } from './fixtures/slow.controller.js';

@Module({ imports: [HealthModule], controllers: [SlowController] })
class SlowHealthModule {}

let app: App | undefined;
let agent: http.Agent | undefined;

async function listening(): Promise<{ app: App; url: string }> {
  app = await createApp(SlowHealthModule, { logger: false });
  return { app, url: await app.listen() };
}

afterEach(async () => {
  agent?.destroy();
  await app?.close();
  app = undefined;
  agent = undefined;
});

describe('App.close takes no new work', () => {
  it('refuses a new connection at once while the request in flight completes', async () => {
    const { app: running, url } = await listening();
    const slow = httpGet(`${url}/slow?ms=800`, false);
    await waitForInFlight(url, 1);
    const closed = running.close('SIGTERM', { drainMs: 2000, inFlightMs: 5000 });
    await expect(httpGet(`${url}/ping`, false)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await slow).toMatchObject({ status: 200, connection: 'close' });
    await closed;
  });

  it('answers readiness 503 at once, on an open keep-alive connection too', async () => {
    const { app: running, url } = await listening();
    agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await httpGet(`${url}/health/ready`, agent)).status).toBe(200);
    const slow = httpGet(`${url}/slow?ms=800`, false);
    await waitForInFlight(url, 1);
    const closed = running.close('SIGTERM', { drainMs: 2000, inFlightMs: 5000 });
    const ready = await httpGet(`${url}/health/ready`, agent);
    expect(ready).toMatchObject({ status: 503, connection: 'close' });
    expect(JSON.parse(ready.body)).toMatchObject({ status: 'down', checks: { shutdown: {} } });
    expect((await running.inject('/health/ready')).statusCode).toBe(503);
    await slow;
    await closed;
  });

  it('answers a request still running at the deadline with a 503 error body', async () => {
    const { app: running, url } = await listening();
    const quick = httpGet(`${url}/slow?ms=100`, false);
    const stuck = httpGet(`${url}/slow?ms=3000`, false);
    await waitForInFlight(url, 2);
    const closed = running.close('SIGTERM', { inFlightMs: 400 });
    expect(await quick).toMatchObject({ status: 200 });
    const cut = await stuck;
    expect(cut).toMatchObject({ status: 503, connection: 'close' });
    expect(JSON.parse(cut.body)).toEqual({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: expect.any(String),
      requestId: cut.requestId,
    });
    await closed;
  });
});
