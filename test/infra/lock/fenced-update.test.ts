/** fencedUpdate on PGlite (and Postgres with DATABASE_URL): the database refuses a stale holder. */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaleFenceError } from '../../../src/core/index.js';
import { fencedUpdate } from '../../../src/infra/lock/fenced-update.js';
import { MemoryLock } from '../../../src/infra/lock/memory-lock.js';
import { TEST_DRIVERS, useTestDatabase } from '../../helpers/test-database.js';

const name = `lock_fenced_${randomBytes(4).toString('hex')}`;
const invoices = pgTable(name, {
  id: text('id').primaryKey(),
  status: text('status').notNull(),
  lastFence: integer('last_fence'),
});

if (!process.env.DATABASE_URL)
  console.warn('[skip] fencedUpdate on Postgres: DATABASE_URL is not set');

describe.each(TEST_DRIVERS)('fencedUpdate on %s', (driver) => {
  const database = useTestDatabase(driver);
  beforeAll(async () => {
    await database().db.execute(
      sql.raw(
        `create table "${name}" (id text primary key, status text not null, last_fence integer)`,
      ),
    );
  });
  afterAll(async () => {
    await database().db.execute(sql.raw(`drop table if exists "${name}"`));
  });

  const insert = (id: string) => database().db.insert(invoices).values({ id, status: 'open' });
  const update = (id: string, status: string, fence: number) =>
    fencedUpdate(database().db, invoices, {
      set: { status },
      where: eq(invoices.id, id),
      fence,
      fenceColumn: invoices.lastFence,
      key: `invoice:${id}`,
    });

  it('writes with a fence, records it, and lets the same lease write again', async () => {
    await insert('1');
    expect(await update('1', 'paid', 4)).toEqual([{ id: '1', status: 'paid', lastFence: 4 }]);
    expect(await update('1', 'sent', 4)).toEqual([{ id: '1', status: 'sent', lastFence: 4 }]);
  });

  it('refuses an older fence with StaleFenceError and keeps the newer write', async () => {
    await insert('1');
    await update('1', 'paid by new holder', 7);
    const error = await update('1', 'paid by paused holder', 6).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleFenceError);
    expect(error).toMatchObject({ code: 'STALE_FENCE', key: 'invoice:1', fence: 6 });
    const rows = await database().db.select().from(invoices).where(eq(invoices.id, '1'));
    expect(rows).toEqual([{ id: '1', status: 'paid by new holder', lastFence: 7 }]);
  });

  it('resolves no rows when nothing matches the where clause', async () => {
    expect(await update('missing', 'paid', 1)).toEqual([]);
  });

  it('refuses the write of a holder whose lease expired while it was paused', async () => {
    await insert('1');
    const lock = new MemoryLock();
    const paused = await lock.acquire('invoice:1', { ttlMs: 50 });
    await new Promise((resolve) => paused.signal.addEventListener('abort', resolve));
    const current = await lock.acquire('invoice:1', { waitMs: 1000 });
    await update('1', 'current', current.fence);
    await expect(update('1', 'stale', paused.fence)).rejects.toBeInstanceOf(StaleFenceError);
  });
});
