/** Configuration "keel": the scenario 1/2 routes as a Keel controller built by `createApp`. */
import 'reflect-metadata';
import { createApp } from '#core';
import { BenchAppModule } from './keel/bench-app.module.js';
import { listenFromEnv, runServer } from './listen-from-env.js';

runServer(async () => {
  // The same defaults as matched-fastify.server.ts: helmet on, no CORS origin, no /docs.
  const app = await createApp(BenchAppModule, {
    logger: false,
    http: { helmet: true, corsOrigins: [], docs: false, production: true, defaultLang: 'en' },
  });
  await listenFromEnv(app);
});
