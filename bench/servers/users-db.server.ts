/**
 * Scenario 4: the example app exactly as `src/main.ts` builds it, except that `CACHE` never
 * hits, so every GET /users/:id reads the database.
 */
import 'reflect-metadata';
import { CACHE, createTestingModule } from '#core';
import { AppModule } from '../../src/app/app.module.js';
import { loadConfig } from '../../src/app/config.js';
import { listenFromEnv, runServer } from './listen-from-env.js';
import { PassThroughCache } from './users/pass-through-cache.js';

runServer(async () => {
  // The runner sets every variable the app reads; a developer's .env must not change the run.
  const config = loadConfig(process.env, { envFile: false });
  const app = await createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(CACHE)
    .useValue(new PassThroughCache())
    .compile({ logger: { level: config.logLevel } });
  await listenFromEnv(app);
});
