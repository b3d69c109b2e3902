/** RedisAttemptLimiter when Redis goes away: memory counts instead, one warning, no hang. */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisAttemptLimiter } from '../../../src/infra/attempts/redis-attempt-limiter.js';
import { RedisConnections } from '../../../src/infra/redis/redis-connections.js';
import { TcpProxy } from '../../helpers/tcp-proxy.js';

const redisUrl = process.env.REDIS_URL;
const policy = { limit: 3, windowMs: 60_000 };

function recordingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe.skipIf(!redisUrl)('RedisAttemptLimiter degradation', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function open() {
    const target = new URL(redisUrl ?? '');
    const proxy = await TcpProxy.start({
      host: target.hostname,
      port: Number(target.port || 6379),
    });
    const { logger, lines } = recordingLogger();
    const connections = new RedisConnections({ url: proxy.proxiedUrl(redisUrl ?? '') }, logger);
    const limiter = new RedisAttemptLimiter(
      { prefix: `keel-test:${randomUUID()}:`, timeoutMs: 200, cooldownMs: 500 },
      connections,
      logger,
    );
    await limiter.onModuleInit();
    cleanup.push(async () => {
      limiter.onApplicationShutdown();
      await connections.onApplicationShutdown();
      await proxy.close();
    });
    return { proxy, limiter, lines };
  }

  for (const shape of ['refuse', 'silent'] as const) {
    it(`Redis ${shape}: failures are still counted and block (in memory), each call within its deadline`, async () => {
      const { proxy, limiter, lines } = await open();
      expect((await limiter.fail('k', policy)).count).toBe(1);
      proxy.cut(shape);
      const started = Date.now();
      const states = [];
      for (let i = 0; i < 3; i += 1) states.push(await limiter.fail('k', policy));
      expect(Date.now() - started).toBeLessThan(3 * 200 + 500);
      expect(states.map((s) => s.blocked)).toEqual([false, false, true]);
      expect((await limiter.peek('k', policy)).blocked).toBe(true);
      const warnings = lines.filter((line) =>
        line.msg.includes('sign-in attempts are counted in this process'),
      );
      expect(warnings).toHaveLength(1);
    });
  }

  it('goes back to Redis when it returns (and says so)', async () => {
    const { proxy, limiter, lines } = await open();
    await limiter.fail('k', policy);
    proxy.cut('refuse');
    await limiter.fail('other', policy);
    await proxy.restore();
    await expect
      .poll(async () => (await limiter.peek('k', policy)).count, { timeout: 5000, interval: 100 })
      .toBe(1);
    expect(lines.some((line) => line.msg.includes('counted in Redis again'))).toBe(true);
  });
});

if (!redisUrl) console.warn('[skip] RedisAttemptLimiter degradation: REDIS_URL is not set');
