/** Runs the lock contract on MemoryLock and PostgresLock/PGlite always; Redis, Postgres with their URLs. */
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { pino } from 'pino';
import postgres from 'postgres';
import type { Db } from '../../src/infra/database/database.tokens.js';
import { MemoryLock } from '../../src/infra/lock/memory-lock.js';
import { PostgresLock } from '../../src/infra/lock/postgres-lock.js';
import { RedisLock } from '../../src/infra/lock/redis-lock.js';
import { RedisConnections } from '../../src/infra/redis/redis-connections.js';
import { deleteRedisKeys } from '../helpers/redis-keys.js';
import { runLockContract } from './lock.contract.js';

runLockContract('MemoryLock', async () => ({
  lock: new MemoryLock(),
  close: async () => undefined,
}));

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  // One prefix per run and per lock, so parallel runs on a shared Redis never meet.
  const run = `keel-test:${randomUUID()}`;
  runLockContract('RedisLock', async (namespace) => {
    const prefix = `${run}:${namespace}:`;
    const logger = pino({ level: 'silent' });
    const connections = new RedisConnections({ url: redisUrl }, logger);
    const lock = new RedisLock({ prefix }, connections, logger);
    await lock.onModuleInit();
    return {
      lock,
      close: async () => {
        lock.onApplicationShutdown();
        await connections.onApplicationShutdown();
        await deleteRedisKeys(redisUrl, prefix);
      },
    };
  });
} else {
  console.warn('[skip] RedisLock contract: REDIS_URL is not set');
}

let pglite: PGlite | undefined;
runLockContract('PostgresLock on PGlite', async (namespace) => {
  pglite ??= await PGlite.create();
  return postgresLock(drizzlePglite(pglite), namespace, async () => undefined);
});

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  runLockContract('PostgresLock on Postgres', async (namespace) => {
    const client = postgres(databaseUrl, { max: 4, onnotice: () => {} });
    return postgresLock(drizzlePostgres(client), namespace, () => client.end());
  });
} else {
  console.warn('[skip] PostgresLock on Postgres contract: DATABASE_URL is not set');
}

// A table per lock, dropped after: parallel runs on a shared database never meet.
async function postgresLock(db: Db, namespace: string, end: () => Promise<void>) {
  const table = `keel_locks_${namespace}_${randomUUID().slice(0, 8)}`;
  const lock = new PostgresLock(db, { table });
  await lock.onModuleInit();
  return {
    lock,
    close: async () => {
      await db.execute(sql.raw(`drop table if exists "${table}"`));
      await end();
    },
  };
}
