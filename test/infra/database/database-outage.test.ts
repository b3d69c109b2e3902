/** Postgres outages through a TCP proxy: fast failures, a down health check, recovery without restart. */
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatabaseHealthIndicator, DatabaseUnavailable, UnitOfWork } from '#infra/database';
import { DatabaseConnection } from '../../../src/infra/database/database-connection.js';
import { resolveDatabaseOptions } from '../../../src/infra/database/database-options.js';
import { TcpProxy } from '../../helpers/tcp-proxy.js';
import { TEST_DRIVERS, useTestDatabase } from '../../helpers/test-database.js';
import { TestItemRepository } from './fixtures/test-item.repository.js';

const FIXTURE_MIGRATIONS = './test/infra/database/fixtures/migrations';
// A bound that only catches hangs: postgres.js would otherwise wait indefinitely.
const FAST_MS = 5000;

describe.skipIf(!TEST_DRIVERS.includes('postgres'))('Postgres outage through a cut proxy', () => {
  const database = useTestDatabase('postgres', { migrationsFolder: FIXTURE_MIGRATIONS });
  let proxy: TcpProxy;
  let connection: DatabaseConnection;
  let items: TestItemRepository;
  let unitOfWork: UnitOfWork;

  beforeEach(async () => {
    const url = new URL(database().url ?? '');
    proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    const options = database().moduleOptions({
      url: proxy.proxiedUrl(url.toString()),
      connectTimeoutMs: 1000,
    });
    connection = new DatabaseConnection(resolveDatabaseOptions(options));
    await connection.onModuleInit();
    unitOfWork = new UnitOfWork(connection.db);
    items = new TestItemRepository(connection.db, unitOfWork);
  });
  afterEach(async () => {
    await proxy.restore();
    await connection.onApplicationShutdown();
    await proxy.close();
  });

  async function timed<T>(work: Promise<T>): Promise<{ error: unknown; ms: number }> {
    const started = Date.now();
    const error = await work.then(
      () => undefined,
      (e: unknown) => e,
    );
    return { error, ms: Date.now() - started };
  }

  it('fails fast with DatabaseUnavailable, then serves again after restore on the same instance', async () => {
    await items.create({ name: 'before', email: 'before@example.test' });
    proxy.cut();
    const queries = [
      () => items.count(),
      () => items.findMany(),
      () => items.create({ name: 'x', email: 'x@example.test' }),
    ];
    for (const query of queries) {
      const { error, ms } = await timed<unknown>(query());
      expect(error).toBeInstanceOf(DatabaseUnavailable);
      expect(ms).toBeLessThan(FAST_MS);
    }
    await proxy.restore();
    expect(await items.count()).toBe(1);
    await items.create({ name: 'after', email: 'after@example.test' });
    expect(await items.count()).toBe(2);
  });

  it('fails a query that is running when the connection is cut, and a transaction opened during the outage', async () => {
    const running = unitOfWork.transaction((tx) => tx.execute(sql`select pg_sleep(3)`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    proxy.cut();
    const inFlight = await timed(running);
    expect(inFlight.error).toBeInstanceOf(DatabaseUnavailable);
    expect(inFlight.ms).toBeLessThan(FAST_MS);
    const opening = await timed(unitOfWork.transaction(() => items.count()));
    expect(opening.error).toBeInstanceOf(DatabaseUnavailable);
    expect(opening.ms).toBeLessThan(FAST_MS);
  });

  it('opens the breaker after consecutive failures: 503s at once, readiness down, then closes by itself', async () => {
    const health = new DatabaseHealthIndicator(connection.db, connection);
    proxy.cut('refuse');
    for (let n = 0; n < 5; n++) await items.count().catch(() => undefined);
    expect(connection.status()).toMatchObject({ available: false, reason: 'ECONNREFUSED' });
    const refused = await timed(items.count());
    expect(refused.error).toBeInstanceOf(DatabaseUnavailable);
    expect(refused.error).toMatchObject({ code: 'CIRCUIT_OPEN' });
    expect(refused.ms).toBeLessThan(100);
    expect(await health.check()).toMatchObject({
      status: 'down',
      details: { reason: 'circuit open' },
    });
    await proxy.restore();
    await vi.waitUntil(() => connection.status().available, { timeout: FAST_MS, interval: 50 });
    expect(await items.count()).toBe(0);
    expect(await health.check()).toEqual({ status: 'ok' });
  });

  it('reports the database down through a cut proxy and ok after restore', async () => {
    const health = new DatabaseHealthIndicator(connection.db);
    expect(health.name).toBe('database');
    expect(await health.check()).toEqual({ status: 'ok' });
    proxy.cut();
    const down = await health.check();
    expect(down.status).toBe('down');
    expect(down.details).toEqual({ reason: expect.any(String) });
    await proxy.restore();
    expect(await health.check()).toEqual({ status: 'ok' });
  });
});

describe.skipIf(!TEST_DRIVERS.includes('postgres'))('Postgres statement timeout', () => {
  const database = useTestDatabase('postgres', { migrationsFolder: FIXTURE_MIGRATIONS });

  it('cancels a statement over statementTimeoutMs as DatabaseUnavailable (57014)', async () => {
    const options = resolveDatabaseOptions(database().moduleOptions({ statementTimeoutMs: 200 }));
    const connection = new DatabaseConnection(options);
    await connection.onModuleInit();
    try {
      const unitOfWork = new UnitOfWork(connection.db);
      const slow = unitOfWork.transaction((tx) => tx.execute(sql`select pg_sleep(2)`));
      await expect(slow).rejects.toBeInstanceOf(DatabaseUnavailable);
      await expect(slow).rejects.toMatchObject({ code: '57014' });
    } finally {
      await connection.onApplicationShutdown();
    }
  });
});

describe.each(TEST_DRIVERS)('DatabaseHealthIndicator on %s', (driver) => {
  const database = useTestDatabase(driver, { migrationsFolder: FIXTURE_MIGRATIONS });

  it('reports ok when the database answers select 1', async () => {
    expect(await new DatabaseHealthIndicator(database().db).check()).toEqual({ status: 'ok' });
  });
});
