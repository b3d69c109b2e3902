/** Configuration "keel": the scenario 1/2 routes as a Keel controller, logging off, helmet off. */
import 'reflect-metadata';
import { createApp } from '#core';
import { BenchAppModule } from './keel/bench-app.module.js';
import { listenFromEnv, runServer } from './listen-from-env.js';

runServer(async () => {
  // As plain Fastify runs: no logger, no helmet headers (CORS and /docs are off by default).
  const app = await createApp(BenchAppModule, { logger: false, http: { helmet: false } });
  await listenFromEnv(app);
});
