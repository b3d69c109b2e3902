/** REQUEST_TIMEOUT_MS reaches the server: Fastify's requestTimeout and Keel's body deadline. */
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createTestingModule } from '#core';
import { loadConfig } from '../../src/app/config.js';
import { ConfigModule } from '../../src/app/config.module.js';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serverTimeout(env: Record<string, string>): Promise<number> {
  const config = loadConfig(env, { envFile: false });
  app = await createTestingModule({ imports: [ConfigModule.forRoot(config)] }).compile({
    logger: false,
  });
  return app.server.server.requestTimeout;
}

describe('REQUEST_TIMEOUT_MS', () => {
  it('defaults to 30 s', async () => {
    expect(loadConfig({}, { envFile: false }).requestTimeoutMs).toBe(30_000);
    expect(await serverTimeout({})).toBe(30_000);
  });

  it('sets the server deadline', async () => {
    expect(await serverTimeout({ REQUEST_TIMEOUT_MS: '1500' })).toBe(1500);
  });
});
