/** DatabaseGuard: a deadline per call, a breaker held open while probes fail, one log per outage. */
import { describe, expect, it, vi } from 'vitest';
import { DatabaseUnavailable } from '../../../src/infra/database/database.errors.js';
import { DatabaseGuard } from '../../../src/infra/database/database-guard.js';
import { captureLogger } from '../redis/capture-logger.js';

const refused = () =>
  Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
// What postgres.js rejects with when Postgres answered with an error: the server is up.
const uniqueViolation = Object.assign(new Error('duplicate key'), {
  code: '23505',
  severity: 'ERROR',
});

function makeGuard(probe: () => Promise<void> = refused) {
  const log = captureLogger();
  const outages = vi.fn();
  const guard = new DatabaseGuard({
    queryTimeoutMs: 100,
    failureThreshold: 3,
    probeIntervalMs: 30,
    probe,
    onOutage: outages,
    logger: log.logger,
  });
  return { guard, log, outages };
}

async function failures(
  guard: DatabaseGuard,
  count: number,
  fn: () => Promise<unknown> = refused,
): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (let n = 0; n < count; n++) errors.push(await guard.execute(fn).catch((e: unknown) => e));
  return errors;
}

describe('DatabaseGuard', () => {
  it('passes results and the errors Postgres answered with through, without opening', async () => {
    const { guard, log } = makeGuard();
    expect(await guard.execute(async () => 42)).toBe(42);
    const errors = await failures(guard, 10, () => Promise.reject(uniqueViolation));
    expect(errors.every((error) => error === uniqueViolation)).toBe(true);
    expect(guard.status()).toEqual({ available: true });
    expect(log.warnings()).toEqual([]);
    guard.close();
  });

  it('gives up on a call past its deadline as QUERY_TIMEOUT and aborts its signal', async () => {
    const { guard } = makeGuard();
    let signal: AbortSignal | undefined;
    const error = await guard
      .execute((s) => {
        signal = s;
        return new Promise(() => undefined);
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailable);
    expect(error).toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(signal?.aborted).toBe(true);
    guard.close();
  });

  it('opens after consecutive failures, then answers CIRCUIT_OPEN without calling, and warns once', async () => {
    const { guard, log, outages } = makeGuard();
    await failures(guard, 3);
    const calls = vi.fn(async () => 'x');
    const errors = await failures(guard, 20, calls);
    expect(calls).not.toHaveBeenCalled();
    expect(errors.every((e) => e instanceof DatabaseUnavailable && e.code === 'CIRCUIT_OPEN')).toBe(
      true,
    );
    // Probes keep failing meanwhile: still one outage.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]).toMatchObject({ component: 'database', reason: 'ECONNREFUSED' });
    expect(outages).toHaveBeenCalledTimes(1);
    expect(guard.status()).toMatchObject({ available: false, reason: 'ECONNREFUSED' });
    guard.close();
  });

  it('counts timeouts as failures: a hung database opens the breaker too', async () => {
    const { guard } = makeGuard();
    await failures(guard, 3, () => new Promise(() => undefined));
    expect(guard.status()).toMatchObject({ available: false, reason: 'QUERY_TIMEOUT' });
    guard.close();
  });

  it('closes by itself once a probe passes, logs one recovery, and lets calls through again', async () => {
    let up = false;
    const { guard, log } = makeGuard(() => (up ? Promise.resolve() : refused()));
    await failures(guard, 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(guard.status().available).toBe(false);
    up = true;
    await vi.waitUntil(() => guard.status().available, { timeout: 2000, interval: 10 });
    expect(await guard.execute(async () => 'back')).toBe('back');
    expect(log.infos().filter((line) => line.msg === 'database available again')).toHaveLength(1);
    expect(log.warnings()).toHaveLength(1);
    guard.close();
  });

  it('stops probing once closed', async () => {
    const probe = vi.fn(refused);
    const { guard } = makeGuard(probe);
    await failures(guard, 3);
    await vi.waitUntil(() => probe.mock.calls.length > 0, { timeout: 2000, interval: 10 });
    guard.close();
    const seen = probe.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(probe.mock.calls.length).toBe(seen);
  });
});
