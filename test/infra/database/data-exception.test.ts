/** Values a column cannot hold (SQLSTATE class 22) over HTTP: 400 INVALID_DATA, no value, no row. */
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type App, Body, Controller, createApp, Inject, Injectable, Module, Post } from '#core';
import {
  BaseRepository,
  DATABASE,
  DatabaseModule,
  type DatabaseModuleOptions,
  type Db,
  UnitOfWork,
} from '#infra/database';
import { LogCapture } from '../../core/logger/log-capture.js';
import { TEST_DRIVERS, useTestDatabase } from '../../helpers/test-database.js';
import { testItems } from './fixtures/test-item.entity.js';

const FIXTURE_MIGRATIONS = './test/infra/database/fixtures/migrations';
const SECRET = '8675309-secret';
// Deliberately loose: the schema lets through what only the column type rejects.
const NewItem = z.strictObject({ name: z.string(), email: z.string(), quantity: z.number() });
const Cast = z.strictObject({ text: z.string() });

/** The fixture table with two custom queries, run inside `run` as the base repository asks. */
@Injectable()
class ItemRepository extends BaseRepository<typeof testItems> {
  constructor(@Inject(DATABASE) db: Db, unitOfWork: UnitOfWork) {
    super(testItems, db, unitOfWork);
  }

  /** `select '<text>'::int`. */
  castToInt(text: string) {
    return this.run(() => this.executor.execute(sql`select ${text}::int as n`));
  }

  /** `select '<text>'::timestamptz`. */
  castToTimestamp(text: string) {
    return this.run(() => this.executor.execute(sql`select ${text}::timestamptz as t`));
  }
}

@Controller('/items')
class ItemController {
  constructor(private readonly items: ItemRepository) {}

  @Post('/', { body: NewItem })
  create(@Body() body: z.infer<typeof NewItem>) {
    return this.items.create(body);
  }

  @Post('/int', { body: Cast })
  async int(@Body() body: z.infer<typeof Cast>) {
    await this.items.castToInt(body.text);
    return { ok: true };
  }

  @Post('/timestamp', { body: Cast })
  async timestamp(@Body() body: z.infer<typeof Cast>) {
    await this.items.castToTimestamp(body.text);
    return { ok: true };
  }
}

function rootModule(options: DatabaseModuleOptions) {
  @Module({
    imports: [DatabaseModule.forRoot(options)],
    controllers: [ItemController],
    providers: [ItemRepository],
  })
  class RootModule {}
  return RootModule;
}

describe.each(TEST_DRIVERS)('data exceptions on %s', (driver) => {
  const database = useTestDatabase(driver, { migrationsFolder: FIXTURE_MIGRATIONS });
  const logs = new LogCapture();
  let app: App;

  beforeAll(async () => {
    app = await createApp(rootModule(database().moduleOptions()), {
      logger: pino({ level: 'debug' }, logs),
    });
  });
  afterAll(() => app?.close());

  it('answers a number out of the column range with 400 INVALID_DATA and writes nothing', async () => {
    const payload = { name: SECRET, email: `${SECRET}@example.test`, quantity: 2 ** 40 };
    const res = await app.inject({ method: 'POST', url: '/items?lang=es', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      statusCode: 400,
      code: 'INVALID_DATA',
      details: { reason: 'numeric_value_out_of_range' },
    });
    expect(res.json().message).toContain('Un valor no cabe');
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain(String(2 ** 40));
    expect(await database().db.$count(testItems)).toBe(0);
  });

  it('answers `select <text>::int` with 400 INVALID_DATA, without the text', async () => {
    const res = await app.inject({ method: 'POST', url: '/items/int', payload: { text: SECRET } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'INVALID_DATA',
      details: { reason: 'invalid_text_representation' },
    });
    expect(res.body).not.toContain(SECRET);
    expect(logs.text()).toContain('"code":"INVALID_DATA"');
    expect(logs.text()).not.toContain(SECRET);
  });

  it('answers an impossible date in a raw query with 400 INVALID_DATA', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/items/timestamp',
      payload: { text: `2024-13-45 ${SECRET}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_DATA' });
    expect(['invalid_datetime_format', 'datetime_field_overflow']).toContain(
      res.json().details.reason,
    );
    expect(res.body).not.toContain(SECRET);
  });
});
