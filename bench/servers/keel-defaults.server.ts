/**
 * Configuration "keel-defaults": the same Keel app as `keel.server.ts` with `createApp`'s defaults,
 * so one access-log line per request at info goes to stdout (the runner's log file).
 */
import 'reflect-metadata';
import { createApp } from '#core';
import { BenchAppModule } from './keel/bench-app.module.js';
import { listenFromEnv, runServer } from './listen-from-env.js';

runServer(async () => {
  const app = await createApp(BenchAppModule);
  await listenFromEnv(app);
});
