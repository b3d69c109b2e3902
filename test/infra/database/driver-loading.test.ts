/** PGlite's code loads only when PGlite is the configured driver: an app on Postgres never pays it. */
import { describe, expect, it, vi } from 'vitest';
import { AppModule } from '../../../src/app/app.module.js';
import { DatabaseConnection } from '../../../src/infra/database/database-connection.js';
import { resolveDatabaseOptions } from '../../../src/infra/database/database-options.js';

// Each test file has its own module registry, so these record what this file's imports loaded.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('@electric-sql/pglite', async (importOriginal) => {
  loaded.add('@electric-sql/pglite');
  return importOriginal();
});
vi.mock('drizzle-orm/pglite', async (importOriginal) => {
  loaded.add('drizzle-orm/pglite');
  return importOriginal();
});
const loadedByImports = new Set(loaded);

describe('database driver loading', () => {
  it('imports neither PGlite nor drizzle-orm/pglite with the app module graph', () => {
    expect(AppModule).toBeDefined();
    expect(loadedByImports).toEqual(new Set());
  });

  it('builds the Postgres driver without loading PGlite', async () => {
    const connection = new DatabaseConnection(
      resolveDatabaseOptions({ url: 'postgres://keel@127.0.0.1:1/none' }),
    );
    try {
      expect(await connection.load()).toBe(connection.db);
      expect(connection.driverName).toBe('postgres');
      expect(loaded).toEqual(new Set());
    } finally {
      await connection.onApplicationShutdown();
    }
  });

  it('loads PGlite on the first load() when it is the configured driver, without opening it', async () => {
    const connection = new DatabaseConnection(resolveDatabaseOptions({ url: 'pglite://memory' }));
    expect(() => connection.db).toThrow(expect.objectContaining({ code: 'KEEL_DB_NOT_OPEN' }));
    const [first, second] = await Promise.all([connection.load(), connection.load()]);
    expect(first).toBe(second);
    expect(connection.db).toBe(first);
    expect(loaded).toEqual(new Set(['@electric-sql/pglite', 'drizzle-orm/pglite']));
    expect(connection.status()).toEqual({ available: true });
    await connection.onApplicationShutdown();
  });
});
