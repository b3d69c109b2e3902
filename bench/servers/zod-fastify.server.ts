/** Baseline "zod": plain Fastify plus fastify-type-provider-zod, no other plugin. */
import Fastify from 'fastify';
import { listenFromEnv, runServer } from './listen-from-env.js';
import { registerZodRoutes } from './zod-routes.js';

runServer(async () => {
  const server = Fastify({ logger: false });
  registerZodRoutes(server);
  await listenFromEnv(server);
});
