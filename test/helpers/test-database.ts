/**
 * Test databases: ONE PGlite per test worker (opened once, truncated between tests) and, when
 * DATABASE_URL is set, a Postgres database per worker, so parallel test files never share rows.
 */
import { createHash, randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { DatabaseModuleOptions, Db } from '#infra/database';

/** A driver the data-layer suites run against. */
export type TestDriver = 'pglite' | 'postgres';

/** PGlite always; Postgres too when DATABASE_URL is set (CI sets it). Use with `describe.each`. */
export const TEST_DRIVERS: readonly TestDriver[] = process.env.DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** A migrated database for the current worker. */
export interface TestDatabase {
  readonly driver: TestDriver;
  /** A Drizzle instance on it, for arranging and asserting. */
  readonly db: Db;
  /** The worker database's URL (Postgres only). */
  readonly url: string | undefined;
  /** `DatabaseModule.forRoot` options pointing at it (already migrated, so `migrate: false`). */
  moduleOptions(overrides?: DatabaseModuleOptions): DatabaseModuleOptions;
  /** Empties every table except drizzle's migration journal. */
  reset(): Promise<void>;
}

/** A throwaway Postgres database. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

interface WorkerState {
  pglite?: Promise<PGlite>;
  postgres?: { database: Promise<ScratchDatabase & { client: Sql }>; users: number };
  migrated: Set<string>;
}

const STATE = Symbol.for('keel.test-database');
const TABLES_SQL = `select format('%I.%I', schemaname, tablename) as name from pg_tables
  where schemaname not in ('pg_catalog', 'information_schema', 'drizzle')`;

/**
 * Registers hooks in the current `describe`: open (once per worker) and migrate before all,
 * truncate before each test. Returns a getter, valid inside tests and hooks.
 */
export function useTestDatabase(
  driver: TestDriver,
  options: { migrationsFolder?: string } = {},
): () => TestDatabase {
  const folder = options.migrationsFolder ?? './drizzle';
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = driver === 'pglite' ? await openPglite(folder) : await openPostgres(folder);
  });
  beforeEach(async () => {
    await database?.reset();
  });
  afterAll(async () => {
    if (driver === 'postgres') await releasePostgres();
  });
  return () => {
    if (!database)
      throw new Error('useTestDatabase: the database opens in beforeAll; use it in tests.');
    return database;
  };
}

/** Creates an empty Postgres database next to DATABASE_URL's (for tests that need a fresh one). */
export async function createPostgresDatabase(prefix = 'keel_test'): Promise<ScratchDatabase> {
  const adminUrl = requiredDatabaseUrl();
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await dropper.end();
    }
  };
  return { url: url.toString(), drop };
}

async function openPglite(folder: string): Promise<TestDatabase> {
  const state = workerState();
  state.pglite ??= PGlite.create();
  const pglite = await state.pglite;
  const db = drizzlePglite(pglite);
  await migrateOnce(`pglite:${folder}`, () => migratePglite(db, migrationConfig(folder)));
  return {
    driver: 'pglite',
    db,
    url: undefined,
    moduleOptions: (overrides = {}) => ({ pglite, migrate: false, ...overrides }),
    reset: async () => {
      const { rows } = await pglite.query<{ name: string }>(TABLES_SQL);
      await truncate(rows, (statement) => pglite.exec(statement));
    },
  };
}

async function openPostgres(folder: string): Promise<TestDatabase> {
  const state = workerState();
  state.postgres ??= { database: createWorkerDatabase(), users: 0 };
  state.postgres.users += 1;
  const { url, client } = await state.postgres.database;
  const db = drizzlePostgres(client);
  await migrateOnce(`${url}:${folder}`, () => migratePostgres(db, migrationConfig(folder)));
  return {
    driver: 'postgres',
    db,
    url,
    moduleOptions: (overrides = {}) => ({
      url,
      migrate: false,
      poolMax: 4,
      connectTimeoutMs: 2000,
      ...overrides,
    }),
    reset: async () => {
      const rows = await client.unsafe<{ name: string }[]>(TABLES_SQL);
      await truncate(rows, (statement) => client.unsafe(statement));
    },
  };
}

async function createWorkerDatabase(): Promise<ScratchDatabase & { client: Sql }> {
  const scratch = await createPostgresDatabase('keel_test_worker');
  const client = postgres(scratch.url, { max: 5, onnotice: () => {} });
  return { ...scratch, client };
}

async function releasePostgres(): Promise<void> {
  const state = workerState();
  const shared = state.postgres;
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  state.postgres = undefined;
  const { client, drop, url } = await shared.database;
  for (const key of state.migrated) if (key.startsWith(url)) state.migrated.delete(key);
  await client.end();
  await drop();
}

async function migrateOnce(key: string, run: () => Promise<void>): Promise<void> {
  const { migrated } = workerState();
  if (migrated.has(key)) return;
  await run();
  migrated.add(key);
}

// One journal table per folder: the fixture and the app's migrations can share a database.
function migrationConfig(folder: string) {
  const suffix = createHash('sha256').update(folder).digest('hex').slice(0, 8);
  return { migrationsFolder: folder, migrationsTable: `__drizzle_migrations_${suffix}` };
}

async function truncate(rows: { name: string }[], run: (statement: string) => Promise<unknown>) {
  if (rows.length === 0) return;
  await run(`truncate ${rows.map((row) => row.name).join(', ')} restart identity cascade`);
}

function workerState(): WorkerState {
  const holder = globalThis as { [STATE]?: WorkerState };
  holder[STATE] ??= { migrated: new Set() };
  return holder[STATE];
}

function requiredDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: Postgres tests run only when it is.');
  return url;
}
