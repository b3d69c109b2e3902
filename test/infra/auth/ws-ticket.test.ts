/** WebSocket tickets: single use across workers (Redis), and never written to the logs. */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateStoredKey } from '#infra/auth';
import { CacheModule } from '#infra/cache';
import { RedisModule } from '#infra/redis';
import { createLogger } from '../../../src/core/logger/create-logger.js';
import { LogCapture } from '../../core/logger/log-capture.js';
import { AuthWsClient, type StartedApp, startApp, upgrade } from './ws-auth-fixture.js';

const redisUrl = process.env.REDIS_URL;
const apps: StartedApp[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((started) => started.app.close()));
});

async function ticketOf(started: StartedApp, sub: string): Promise<string> {
  const { accessToken } = await started.tokens.issueAccessToken({ sub });
  const response = await fetch(`${started.http}/auth/ws-ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { ticket: string }).ticket;
}

describe('ticket logging', () => {
  it('redacts the ticket from the request log line of a refused upgrade', async () => {
    const capture = new LogCapture();
    const logger = createLogger({ level: 'info', pretty: false, destination: capture });
    const started = await startApp({ logger });
    apps.push(started);
    const ticket = await ticketOf(started, 'alice');
    const client = await AuthWsClient.connect(`${started.ws}/secure?ticket=${ticket}&lang=es`);
    await client.close();
    // The reuse is refused with 401, which writes a request log line (a 101 upgrade does not).
    expect((await upgrade(`${started.ws}/secure?ticket=${ticket}&lang=es`)).status).toBe(401);
    const urls = capture
      .records()
      .map((record) => (record.req as { url?: string } | undefined)?.url ?? record.url)
      .filter((url): url is string => typeof url === 'string' && url.startsWith('/secure'));
    expect(urls).toContain('/secure?ticket=[Redacted]&lang=es');
    expect(capture.text()).not.toContain(ticket);
    expect(capture.text()).not.toContain(ticket.split('.')[2]);
  });
});

describe.skipIf(!redisUrl)('tickets across workers (Redis cache)', () => {
  it('refuses on a second worker a ticket the first one redeemed', async () => {
    const privateKeys = JSON.stringify(await generateStoredKey());
    const prefix = `ws-ticket-test:${randomUUID()}:`;
    const worker = async () => {
      const cache = [
        RedisModule.forRoot({ url: redisUrl as string }),
        CacheModule.forRoot({ driver: 'redis', prefix }),
      ];
      const started = await startApp({ cache, privateKeys });
      apps.push(started);
      return started;
    };
    const [first, second] = [await worker(), await worker()];
    const ticket = await ticketOf(first, 'alice');
    const client = await AuthWsClient.connect(`${first.ws}/secure?ticket=${ticket}`);
    expect((await client.request('whoami')).data).toMatchObject({ sub: 'alice' });
    await client.close();
    const replay = await upgrade(`${second.ws}/secure?ticket=${ticket}`);
    expect(replay.status).toBe(401);
    expect(replay.body?.message).toMatch(/already used/);
    // The second worker does accept a fresh ticket of the first: the keys are shared.
    const fresh = await ticketOf(first, 'alice');
    expect((await upgrade(`${second.ws}/secure?ticket=${fresh}`)).status).toBe(101);
  });
});
