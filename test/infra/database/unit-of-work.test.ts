/** UnitOfWork and @Transactional on every available driver: rollback, joining, retries. */
import { describe, expect, it } from 'vitest';
import {
  type Db,
  Transactional,
  TransactionConflict,
  UniqueViolation,
  UnitOfWork,
} from '#infra/database';
import { TEST_DRIVERS, useTestDatabase } from '../../helpers/test-database.js';
import { TestItemRepository } from './fixtures/test-item.repository.js';
import { TestItemService } from './fixtures/test-item.service.js';

const FIXTURE_MIGRATIONS = './test/infra/database/fixtures/migrations';

/** A driver-like error carrying only a SQLSTATE, as postgres.js and PGlite raise them. */
function sqlStateError(code: string): Error {
  return Object.assign(new Error('could not serialize access'), { code, severity: 'ERROR' });
}

/** Resolves once `parties` callers have arrived. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    release = resolve;
  });
  return () => {
    arrived += 1;
    if (arrived >= parties) release();
    return all;
  };
}

describe.each(TEST_DRIVERS)('UnitOfWork on %s', (driver) => {
  const database = useTestDatabase(driver, { migrationsFolder: FIXTURE_MIGRATIONS });
  const build = (db: Db = database().db) => {
    const unitOfWork = new UnitOfWork(db);
    const items = new TestItemRepository(db, unitOfWork);
    return { unitOfWork, items, service: new TestItemService(items, unitOfWork) };
  };

  it('commits every write of a transaction', async () => {
    const { unitOfWork, items } = build();
    await unitOfWork.transaction(async () => {
      await items.create({ name: 'A', email: 'a@example.test' });
      await items.create({ name: 'B', email: 'b@example.test' });
    });
    expect(await items.count()).toBe(2);
  });

  it('leaves no row behind when the transaction throws', async () => {
    const { unitOfWork, items } = build();
    const failing = unitOfWork.transaction(async () => {
      await items.create({ name: 'A', email: 'a@example.test' });
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await items.count()).toBe(0);
  });

  it('joins the outer transaction from a nested call, so an outer failure undoes both', async () => {
    const { unitOfWork, items } = build();
    let inner: Db | undefined;
    let outer: Db | undefined;
    const failing = unitOfWork.transaction(async (tx) => {
      outer = tx;
      await unitOfWork.transaction(async (nested) => {
        inner = nested;
        await items.create({ name: 'Inner', email: 'inner@example.test' });
      });
      await items.create({ name: 'Outer', email: 'outer@example.test' });
      throw new Error('outer fails after the nested call returned');
    });
    await expect(failing).rejects.toThrow('outer fails');
    expect(inner).toBeDefined();
    expect(inner).toBe(outer);
    expect(await items.count()).toBe(0);
  });

  it('surfaces a database error raised inside a transaction as a DatabaseError and rolls back', async () => {
    const { unitOfWork, items } = build();
    const failing = unitOfWork.transaction(async () => {
      await items.create({ name: 'A', email: 'dup@example.test' });
      await items.create({ name: 'B', email: 'dup@example.test' });
    });
    await expect(failing).rejects.toBeInstanceOf(UniqueViolation);
    await expect(failing).rejects.toMatchObject({ field: 'email' });
    expect(await items.count()).toBe(0);
  });

  it('runs @Transactional methods in one transaction and rolls them back on error', async () => {
    const { service, items } = build();
    await service.createBoth(
      { name: 'A', email: 'a@example.test' },
      { name: 'B', email: 'b@example.test' },
    );
    await expect(service.createThenFail({ name: 'C', email: 'c@example.test' })).rejects.toThrow(
      'business rule failed',
    );
    expect(await items.count()).toBe(2);
    expect(await service.seesTransaction()).toBe(true);
  });

  it('rolls back both inserts of a @Transactional method when the second one conflicts', async () => {
    const { service, items } = build();
    const conflicting = service.createBoth(
      { name: 'A', email: 'same@example.test' },
      { name: 'B', email: 'same@example.test' },
    );
    await expect(conflicting).rejects.toBeInstanceOf(UniqueViolation);
    expect(await items.count()).toBe(0);
  });

  it('retries a serializable transaction after 40001 and 40P01, a bounded number of times', async () => {
    const { unitOfWork, items } = build();
    let attempts = 0;
    const result = await unitOfWork.transaction(
      async () => {
        attempts += 1;
        await items.create({ name: `try ${attempts}`, email: `try-${attempts}@example.test` });
        if (attempts === 1) throw sqlStateError('40001');
        if (attempts === 2) throw sqlStateError('40P01');
        return 'done';
      },
      { isolation: 'serializable' },
    );
    expect(result).toBe('done');
    expect(attempts).toBe(3);
    expect((await items.findMany()).items.map((item) => item.name)).toEqual(['try 3']);

    let forever = 0;
    const exhausted = unitOfWork.transaction(
      async () => {
        forever += 1;
        throw sqlStateError('40001');
      },
      { isolation: 'serializable', maxRetries: 2 },
    );
    await expect(exhausted).rejects.toBeInstanceOf(TransactionConflict);
    await expect(exhausted).rejects.toMatchObject({ code: '40001' });
    expect(forever).toBe(3);
  });

  it('does not retry a read-committed transaction', async () => {
    const { unitOfWork } = build();
    let attempts = 0;
    const failing = unitOfWork.transaction(async () => {
      attempts += 1;
      throw sqlStateError('40001');
    });
    await expect(failing).rejects.toBeInstanceOf(TransactionConflict);
    expect(attempts).toBe(1);
  });

  it.runIf(driver === 'postgres')(
    'retries a real serialization failure between two concurrent serializable transactions',
    async () => {
      const { unitOfWork, items } = build();
      const bothHaveRead = barrier(2);
      let attempts = 0;
      // Write skew: each inserts "how many rows I saw"; only a serial order is allowed to commit.
      const insertCountSeen = (name: string) =>
        unitOfWork.transaction(
          async () => {
            attempts += 1;
            const seen = await items.count();
            await bothHaveRead();
            await items.create({ name, email: `${name}@example.test`, quantity: seen });
          },
          { isolation: 'serializable' },
        );
      await Promise.all([insertCountSeen('first'), insertCountSeen('second')]);
      expect(attempts).toBeGreaterThan(2);
      const quantities = (await items.findMany()).items.map((item) => item.quantity).sort();
      expect(quantities).toEqual([0, 1]);
    },
  );

  it.runIf(driver === 'postgres')(
    'surfaces a real serialization failure as TransactionConflict when retries are off',
    async () => {
      const { unitOfWork, items } = build();
      const bothHaveRead = barrier(2);
      const insertCountSeen = (name: string) =>
        unitOfWork.transaction(
          async () => {
            const seen = await items.count();
            await bothHaveRead();
            await items.create({ name, email: `${name}@example.test`, quantity: seen });
          },
          { isolation: 'serializable', maxRetries: 0 },
        );
      const results = await Promise.allSettled([
        insertCountSeen('first'),
        insertCountSeen('second'),
      ]);
      const rejected = results.filter((result) => result.status === 'rejected');
      expect(rejected).toHaveLength(1);
      const reason = rejected[0]?.status === 'rejected' ? rejected[0].reason : undefined;
      expect(reason).toBeInstanceOf(TransactionConflict);
      expect(reason).toMatchObject({ reason: 'serialization_failure' });
    },
  );
});

describe('@Transactional without a UnitOfWork', () => {
  it('fails with an error that says which dependency to add', async () => {
    class Orphan {
      @Transactional()
      async work(): Promise<void> {}
    }
    await expect(new Orphan().work()).rejects.toThrow(/Orphan\.work needs a UnitOfWork/);
  });
});
