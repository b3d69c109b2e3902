/** DatabaseModule inside real apps: DI wiring, error bodies over HTTP, readiness, outage and shutdown. */

import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type App,
  type AppOptions,
  Body,
  Controller,
  createApp,
  Get,
  Module,
  Post,
  Query,
} from '#core';
import {
  DATABASE,
  DatabaseConnection,
  DatabaseModule,
  type DatabaseModuleOptions,
  DatabaseUnavailable,
  UnitOfWork,
} from '#infra/database';
import { HealthModule } from '#modules/health';
import { LogCapture } from '../../core/logger/log-capture.js';
import { TcpProxy } from '../../helpers/tcp-proxy.js';
import { TEST_DRIVERS, useTestDatabase } from '../../helpers/test-database.js';
import { testItems } from './fixtures/test-item.entity.js';
import { TestItemRepository } from './fixtures/test-item.repository.js';
import { TestItemService } from './fixtures/test-item.service.js';

const FIXTURE_MIGRATIONS = './test/infra/database/fixtures/migrations';
const NewItem = z.strictObject({ name: z.string(), email: z.string() });
const ListQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

@Controller('/items')
class TestItemController {
  constructor(private readonly items: TestItemRepository) {}

  @Get('/', { query: ListQuery })
  list(@Query() query: z.infer<typeof ListQuery>) {
    return this.items.findMany(query);
  }

  @Post('/', { body: NewItem })
  create(@Body() body: z.infer<typeof NewItem>) {
    return this.items.create(body);
  }
}

@Module({ controllers: [TestItemController], providers: [TestItemRepository, TestItemService] })
class TestItemModule {}

function rootModule(options: DatabaseModuleOptions) {
  @Module({ imports: [DatabaseModule.forRoot(options), TestItemModule, HealthModule] })
  class RootModule {}
  return RootModule;
}

const apps: App[] = [];
async function boot(
  options: DatabaseModuleOptions,
  logger: AppOptions['logger'] = false,
): Promise<App> {
  const app = await createApp(rootModule(options), { logger });
  apps.push(app);
  return app;
}
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe.each(TEST_DRIVERS)('DatabaseModule on %s', (driver) => {
  const database = useTestDatabase(driver, { migrationsFolder: FIXTURE_MIGRATIONS });

  it('provides DATABASE, UnitOfWork and repositories to other modules, with @Transactional', async () => {
    const app = await boot(database().moduleOptions());
    expect(app.get(DATABASE)).toBe(app.get(DatabaseConnection).db);
    expect(app.get(UnitOfWork)).toBeInstanceOf(UnitOfWork);
    const service = app.get(TestItemService);
    await service.createBoth(
      { name: 'A', email: 'a@example.test' },
      { name: 'B', email: 'b@example.test' },
    );
    await expect(service.createThenFail({ name: 'C', email: 'c@example.test' })).rejects.toThrow();
    expect(await app.get(TestItemRepository).count()).toBe(2);
  });

  it('answers a duplicate with a 409 CONFLICT body naming the field, without the value', async () => {
    const logs = new LogCapture();
    const app = await boot(database().moduleOptions(), pino({ level: 'debug' }, logs));
    const item = { name: 'Ada', email: 'private-address@example.test' };
    expect((await app.inject({ method: 'POST', url: '/items', payload: item })).statusCode).toBe(
      201,
    );
    const response = await app.inject({ method: 'POST', url: '/items', payload: item });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      statusCode: 409,
      code: 'CONFLICT',
      details: { field: 'email' },
    });
    expect(response.json().message).not.toBe('errors.CONFLICT');
    expect(response.body).not.toContain('private-address');
    // The rejection is logged (debug), with neither the bound parameters nor the row values.
    expect(logs.text()).toContain('"code":"CONFLICT"');
    expect(logs.text()).not.toContain('private-address');
  });

  it('pages over HTTP and answers 400 INVALID_CURSOR for a forged cursor', async () => {
    const app = await boot(database().moduleOptions());
    await database()
      .db.insert(testItems)
      .values([
        { name: 'a', email: 'a@example.test' },
        { name: 'b', email: 'b@example.test' },
        { name: 'c', email: 'c@example.test' },
      ]);
    const first = (await app.inject('/items?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const rest = (await app.inject(`/items?limit=2&cursor=${first.nextCursor}`)).json();
    expect(rest).toMatchObject({ items: [{}], nextCursor: null });
    const forged = await app.inject('/items?cursor=not-a-cursor');
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('adds an ok `database` check to readiness', async () => {
    const app = await boot(database().moduleOptions());
    const response = await app.inject('/health/ready');
    expect(response.statusCode).toBe(200);
    expect(response.json().checks.database).toEqual({ status: 'ok' });
  });
});

describe('DatabaseModule on in-memory PGlite', () => {
  it('opens and migrates at boot, and closes at shutdown', async () => {
    const app = await boot({ url: 'pglite://memory', migrationsFolder: FIXTURE_MIGRATIONS });
    const repository = app.get(TestItemRepository);
    await repository.create({ name: 'A', email: 'a@example.test' });
    expect(await repository.count()).toBe(1);
    await app.close();
    await expect(repository.count()).rejects.toBeInstanceOf(DatabaseUnavailable);
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After once the embedded database is closed', async () => {
    const app = await boot({ url: 'pglite://memory', migrationsFolder: FIXTURE_MIGRATIONS });
    expect((await app.inject('/items')).statusCode).toBe(200);
    await app.get(DatabaseConnection).onApplicationShutdown();
    const response = await app.inject('/items');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
  });
});

describe.skipIf(!TEST_DRIVERS.includes('postgres'))(
  'DatabaseModule during a Postgres outage',
  () => {
    const database = useTestDatabase('postgres', { migrationsFolder: FIXTURE_MIGRATIONS });

    it('answers 503 DATABASE_UNAVAILABLE with Retry-After, reports down, and recovers without restart', async () => {
      const url = new URL(database().url ?? '');
      const proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
      try {
        const app = await boot(database().moduleOptions({ url: proxy.proxiedUrl(url.toString()) }));
        expect((await app.inject('/items')).statusCode).toBe(200);
        proxy.cut();
        const failed = await app.inject('/items');
        expect(failed.statusCode).toBe(503);
        expect(failed.headers['retry-after']).toBe('5');
        expect(failed.json()).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
        const ready = await app.inject('/health/ready');
        expect(ready.statusCode).toBe(503);
        expect(ready.json().checks.database.status).toBe('down');
        await proxy.restore();
        expect((await app.inject('/items')).statusCode).toBe(200);
        expect((await app.inject('/health/ready')).statusCode).toBe(200);
        await app.close();
      } finally {
        await proxy.close();
      }
    });
  },
);
