/**
 * Baseline "matched": Fastify + Zod + the defaults Keel installs (server options, root logger,
 * request context, error handling, helmet), built with Keel's own functions, without the kernel.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { installRequestContext } from '../../src/core/context/index.js';
import {
  installErrorHandling,
  registerSecurity,
  serverOptions,
} from '../../src/core/http/server/index.js';
import { createLogger } from '../../src/core/logger/index.js';
import { listenFromEnv, runServer } from './listen-from-env.js';
import { registerZodRoutes } from './zod-routes.js';

runServer(async () => {
  // The same root logger `createApp(..., { logger: false })` hands to Fastify (silent, redacting).
  const logger = createLogger({ level: 'silent', pretty: false });
  const server = Fastify(serverOptions({ loggerInstance: logger })) as unknown as FastifyInstance;
  installRequestContext(server, { defaultLang: 'en' });
  installErrorHandling(server, { production: true, defaultLang: 'en' });
  await registerSecurity(server, { helmet: true, corsOrigins: [] });
  registerZodRoutes(server);
  await listenFromEnv(server);
});
