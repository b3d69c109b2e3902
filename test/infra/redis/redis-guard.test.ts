/** RedisGuard: bounded calls, a breaker that skips Redis for a cool-down, one log per outage. */
import { describe, expect, it } from 'vitest';
import { RedisGuard } from '../../../src/infra/redis/redis-guard.js';
import { captureLogger } from './capture-logger.js';

function makeGuard(overrides: { timeoutMs?: number; cooldownMs?: number } = {}) {
  const log = captureLogger();
  const guard = new RedisGuard({
    component: 'cache',
    timeoutMs: overrides.timeoutMs ?? 100,
    cooldownMs: overrides.cooldownMs ?? 200,
    failureThreshold: 3,
    logger: log.logger,
  });
  return { guard, log };
}

const down = () => Promise.reject(new Error('connect ECONNREFUSED'));

describe('RedisGuard', () => {
  it('passes results through while Redis answers', async () => {
    const { guard } = makeGuard();
    expect(await guard.run(async () => 'PONG')).toEqual({ ok: true, value: 'PONG' });
    expect(guard.status()).toEqual({ available: true });
  });

  it('gives up on a call that never settles', async () => {
    const { guard } = makeGuard({ timeoutMs: 50 });
    const never = new Promise<string>(() => undefined);
    await expect(guard.run(() => never)).resolves.toEqual({ ok: false });
  });

  it('opens after consecutive failures, skips Redis while open, and warns once', async () => {
    const { guard, log } = makeGuard({ cooldownMs: 60_000 });
    for (let n = 0; n < 3; n++) await guard.run(down);
    let calls = 0;
    const counted = async () => {
      calls++;
      return 'x';
    };
    for (let n = 0; n < 20; n++) expect(await guard.run(counted)).toEqual({ ok: false });
    expect(calls).toBe(0);
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]).toMatchObject({ component: 'cache', reason: 'connect ECONNREFUSED' });
    expect(guard.status()).toMatchObject({ available: false, reason: 'connect ECONNREFUSED' });
  });

  it('stays in one outage across failed trial calls and logs one recovery when a trial succeeds', async () => {
    const { guard, log } = makeGuard({ cooldownMs: 30 });
    for (let n = 0; n < 3; n++) await guard.run(down);
    for (let n = 0; n < 3; n++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await guard.run(down)).toEqual({ ok: false });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await guard.run(async () => 'back')).toEqual({ ok: true, value: 'back' });
    expect(log.warnings()).toHaveLength(1);
    expect(log.infos().filter((line) => line.msg.startsWith('redis available again'))).toHaveLength(
      1,
    );
    expect(guard.status()).toEqual({ available: true });
  });

  it('does not count reply errors (Redis answered) as an outage', async () => {
    const { guard, log } = makeGuard();
    const replyError = Object.assign(new Error('WRONGTYPE Operation against a key'), {
      name: 'ReplyError',
    });
    for (let n = 0; n < 10; n++)
      expect(await guard.run(() => Promise.reject(replyError))).toEqual({ ok: false });
    expect(guard.status()).toEqual({ available: true });
    expect(await guard.run(async () => 1)).toEqual({ ok: true, value: 1 });
    expect(log.warnings().every((line) => line.msg === 'redis cache command failed')).toBe(true);
  });
});
