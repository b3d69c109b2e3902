/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database), then exits. */
import 'reflect-metadata';
import { createApp, Module } from '#core';
import { DatabaseModule } from '#infra/database';
import { loadConfigOrExit } from '../src/app/config.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  @Module({ imports: [DatabaseModule.forRoot({ url: config.databaseUrl, migrate: true })] })
  class MigrateModule {}
  const app = await createApp(MigrateModule, { logger: { level: config.logLevel } });
  await app.close();
  process.stdout.write('Migrations are up to date.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
