/** DatabaseConnection: driver choice, boot-time migrations (locked on Postgres), fast boot failures. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseConnection } from '../../../src/infra/database/database-connection.js';
import {
  type DatabaseModuleOptions,
  resolveDatabaseOptions,
} from '../../../src/infra/database/database-options.js';
import {
  createPostgresDatabase,
  TEST_DRIVERS,
  useTestDatabase,
} from '../../helpers/test-database.js';
import { testItems } from './fixtures/test-item.entity.js';

const FIXTURE_MIGRATIONS = './test/infra/database/fixtures/migrations';
const hasPostgres = TEST_DRIVERS.includes('postgres');

const opened: DatabaseConnection[] = [];
async function connect(options: DatabaseModuleOptions): Promise<DatabaseConnection> {
  const connection = new DatabaseConnection(resolveDatabaseOptions(options));
  await connection.onModuleInit();
  opened.push(connection);
  return connection;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((connection) => connection.onApplicationShutdown()));
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('resolveDatabaseOptions', () => {
  it('defaults to PGlite in ./.data/pglite with the documented tuning', () => {
    expect(resolveDatabaseOptions()).toEqual({
      target: { driver: 'pglite', dataDir: './.data/pglite', instance: undefined },
      poolMax: 10,
      connectTimeoutMs: 3000,
      statementTimeoutMs: 10_000,
      queryTimeoutMs: 2000,
      circuitThreshold: 5,
      circuitProbeMs: 1000,
      migrate: true,
      migrationsFolder: './drizzle',
      migrationTimeoutMs: 300_000,
    });
  });

  it('selects postgres.js for postgres:// and postgresql://, and in-memory PGlite for pglite://memory', () => {
    expect(resolveDatabaseOptions({ url: 'postgres://u@h/db' }).target.driver).toBe('postgres');
    expect(resolveDatabaseOptions({ url: 'postgresql://u@h/db' }).target.driver).toBe('postgres');
    expect(resolveDatabaseOptions({ url: 'pglite://memory' }).target).toEqual({
      driver: 'pglite',
      dataDir: undefined,
      instance: undefined,
    });
  });

  it('rejects an unknown scheme with the fix and without echoing the password', () => {
    const build = () => resolveDatabaseOptions({ url: 'mysql://root:hunter2@db/app' });
    expect(build).toThrow(/unsupported DATABASE_URL scheme "mysql:".*postgres:\/\//);
    expect(build).not.toThrow(/hunter2/);
    expect(() => resolveDatabaseOptions({ poolMax: 0 })).toThrow(
      /poolMax must be a positive number/,
    );
  });
});

describe('DatabaseConnection on PGlite', () => {
  const database = useTestDatabase('pglite', { migrationsFolder: FIXTURE_MIGRATIONS });

  it('accepts an empty journal, as drizzle/ starts before the first entity', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'keel-migrations-'));
    try {
      await mkdir(join(folder, 'meta'));
      const journal = { version: '7', dialect: 'postgresql', entries: [] };
      await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
      const options = database().moduleOptions({ migrate: true, migrationsFolder: folder });
      const connection = await connect(options);
      await expect(connection.db.execute(sql`select 1`)).resolves.toBeDefined();
      expect(connection.driverName).toBe('pglite');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('persists to its data folder (creating it) and migrates only once', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'keel-pglite-'));
    const dataDir = join(parent, 'nested', 'pglite');
    try {
      const options = { dataDir, migrationsFolder: FIXTURE_MIGRATIONS };
      const first = await connect(options);
      await first.db.insert(testItems).values({ name: 'kept', email: 'kept@example.test' });
      await first.onApplicationShutdown();
      opened.splice(opened.indexOf(first), 1);
      const second = await connect(options);
      const rows = await second.db.select().from(testItems);
      expect(rows.map((row) => row.name)).toEqual(['kept']);
      const journal = await second.db.execute(sql`select id from drizzle.__drizzle_migrations`);
      expect(journal).toMatchObject({ rows: [{ id: 1 }] });
    } finally {
      await Promise.all(opened.splice(0).map((connection) => connection.onApplicationShutdown()));
      await rm(parent, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasPostgres)('DatabaseConnection on postgres', () => {
  it('lets three connections booting together migrate a fresh database exactly once', async () => {
    const scratch = await createPostgresDatabase('keel_migrate_race');
    try {
      const options = { url: scratch.url, migrationsFolder: FIXTURE_MIGRATIONS, poolMax: 2 };
      const booted = await Promise.allSettled([
        connect(options),
        connect(options),
        connect(options),
      ]);
      expect(booted.map((result) => result.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      const check = postgres(scratch.url, { max: 1, onnotice: () => {} });
      try {
        const journal = await check`select count(*)::int as n from drizzle.__drizzle_migrations`;
        const tables = await check`select count(*)::int as n from pg_tables
          where schemaname = 'keel_test' and tablename = 'test_items'`;
        expect(journal[0]?.n).toBe(1);
        expect(tables[0]?.n).toBe(1);
      } finally {
        await check.end();
      }
    } finally {
      await Promise.all(opened.splice(0).map((connection) => connection.onApplicationShutdown()));
      await scratch.drop();
    }
  });

  it('fails the boot within seconds, naming the host but not the password, when Postgres is unreachable', async () => {
    const port = await closedPort();
    const started = Date.now();
    const booting = connect({
      url: `postgres://keel:hunter2@127.0.0.1:${port}/app`,
      connectTimeoutMs: 1000,
    });
    const error = await booting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /cannot reach Postgres at 127\.0\.0\.1:\d+\/app \(ECONNREFUSED\)/,
    );
    expect((error as Error).message).not.toContain('hunter2');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
