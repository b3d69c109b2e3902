/** BaseRepository on every available driver: CRUD, keyset pagination, DatabaseErrors. */
import { inspect } from 'node:util';
import { eq, gt, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { HttpError } from '#core';
import {
  CheckViolation,
  NotNullViolation,
  type Page,
  UniqueViolation,
  UnitOfWork,
} from '#infra/database';
import { TEST_DRIVERS, useTestDatabase } from '../../helpers/test-database.js';
import { type TestItem, testItems } from './fixtures/test-item.entity.js';
import { TestItemRepository } from './fixtures/test-item.repository.js';

const FIXTURE_MIGRATIONS = './test/infra/database/fixtures/migrations';

describe.each(TEST_DRIVERS)('BaseRepository on %s', (driver) => {
  const database = useTestDatabase(driver, { migrationsFolder: FIXTURE_MIGRATIONS });
  const repository = () => {
    const { db } = database();
    return new TestItemRepository(db, new UnitOfWork(db));
  };
  const seed = async (count: number, prefix = 'seed') => {
    const values = Array.from({ length: count }, (_, i) => ({
      name: `${prefix} ${i}`,
      email: `${prefix}-${i}@example.test`,
      quantity: i,
    }));
    return database().db.insert(testItems).values(values).returning();
  };

  it('creates a row with its defaults and finds it by id', async () => {
    const repo = repository();
    const created = await repo.create({ name: 'Ada', email: 'ada@example.test' });
    expect(created).toMatchObject({ name: 'Ada', email: 'ada@example.test', quantity: 0 });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await repo.findById(created.id)).toEqual(created);
    expect(await repo.findById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('updates given fields only and returns undefined for an unknown id', async () => {
    const repo = repository();
    const created = await repo.create({ name: 'Ada', email: 'ada@example.test', quantity: 2 });
    const updated = await repo.update(created.id, { name: 'Grace' });
    expect(updated).toMatchObject({ id: created.id, name: 'Grace', quantity: 2 });
    expect(await repo.update(created.id, {})).toMatchObject({ name: 'Grace' });
    expect(
      await repo.update('00000000-0000-4000-8000-000000000000', { name: 'X' }),
    ).toBeUndefined();
  });

  it('deletes by id and reports whether a row was deleted', async () => {
    const repo = repository();
    const created = await repo.create({ name: 'Ada', email: 'ada@example.test' });
    expect(await repo.delete(created.id)).toBe(true);
    expect(await repo.delete(created.id)).toBe(false);
    expect(await repo.findById(created.id)).toBeUndefined();
  });

  it('counts and checks existence with an optional where', async () => {
    await seed(5);
    const repo = repository();
    expect(await repo.count()).toBe(5);
    expect(await repo.count(gt(testItems.quantity, 2))).toBe(2);
    expect(await repo.exists(eq(testItems.email, 'seed-3@example.test'))).toBe(true);
    expect(await repo.exists(eq(testItems.email, 'nobody@example.test'))).toBe(false);
  });

  it('returns every row exactly once across pages while rows are inserted concurrently', async () => {
    // Three multi-row inserts: rows of a batch share created_at, so the id tie-break matters.
    const original = [...(await seed(15, 'a')), ...(await seed(15, 'b')), ...(await seed(15, 'c'))];
    const repo = repository();
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const [page]: [Page<TestItem>, TestItem] = await Promise.all([
        repo.findMany({ limit: 7, cursor }),
        repo.create({ name: 'late', email: `late-${inserted++}@example.test` }),
      ]);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor !== null && inserted < 100);
    expect(new Set(seen).size).toBe(seen.length);
    for (const row of original) expect(seen.filter((id) => id === row.id)).toHaveLength(1);
  });

  it('paginates descending on any sortable column with a where clause', async () => {
    await seed(12);
    const repo = repository();
    const quantities: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await repo.findMany({
        where: gt(testItems.quantity, 1),
        orderBy: { column: 'quantity', direction: 'desc' },
        limit: 4,
        cursor,
      });
      quantities.push(...page.items.map((item) => item.quantity));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(quantities).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  });

  it('caps a page at 100 rows and returns a null cursor on the last page', async () => {
    await seed(105);
    const repo = repository();
    const first = await repo.findMany({ limit: 1000 });
    expect(first.items).toHaveLength(100);
    expect(first.nextCursor).toEqual(expect.any(String));
    const last = await repo.findMany({ limit: 1000, cursor: first.nextCursor });
    expect(last.items).toHaveLength(5);
    expect(last.nextCursor).toBeNull();
  });

  it('rejects malformed, foreign and edited cursors with 400 INVALID_CURSOR', async () => {
    await seed(3);
    const repo = repository();
    const { nextCursor } = await repo.findMany({ limit: 1 });
    const edited = Buffer.from(JSON.stringify(['createdAt', 'asc', 'not a date', 'x'])).toString(
      'base64url',
    );
    for (const cursor of ['%%%', 'bm90IGpzb24', edited]) {
      await expect(repo.findMany({ cursor })).rejects.toMatchObject({
        statusCode: 400,
        code: 'INVALID_CURSOR',
      });
    }
    await expect(
      repo.findMany({ cursor: nextCursor, orderBy: { column: 'quantity' } }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'INVALID_CURSOR' });
  });

  it('throws a UniqueViolation naming the field, never the value, and no HttpError', async () => {
    const repo = repository();
    await repo.create({ name: 'Ada', email: 'secret-value@example.test' });
    const error = await repo
      .create({ name: 'Eve', email: 'secret-value@example.test' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(UniqueViolation);
    expect(error).not.toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ code: '23505', field: 'email' });
    expect(JSON.stringify(error)).not.toContain('secret-value');
    expect(inspect(error, { depth: 10 })).not.toContain('secret-value');
    expect(await repo.count()).toBe(1);
  });

  it('throws NotNullViolation and CheckViolation naming the field and the constraint', async () => {
    const repo = repository();
    const notNull = repo.create({ name: sql`null`, email: 'n@example.test' });
    await expect(notNull).rejects.toBeInstanceOf(NotNullViolation);
    await expect(notNull).rejects.toMatchObject({ field: 'name' });
    const check = repo.create({ name: 'Neg', email: 'neg@example.test', quantity: -1 });
    await expect(check).rejects.toBeInstanceOf(CheckViolation);
    await expect(check).rejects.toMatchObject({ constraint: 'test_items_quantity_check' });
  });
});
