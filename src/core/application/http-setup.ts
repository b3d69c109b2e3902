/** Creates the Fastify instance with Keel's defaults, before modules extend it. */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { installRequestContext } from '../context/index.js';
import {
  installErrorHandler,
  registerOpenApi,
  registerSecurity,
  serverOptions,
} from '../http/server/index.js';
import type { I18n } from '../i18n/index.js';
import type { HttpOptions } from './app-options.js';

/** Fastify with Zod compilers, request context, the error shape, security plugins and OpenAPI. */
export async function createServer(
  logger: Logger,
  http: HttpOptions,
  i18n: I18n,
): Promise<FastifyInstance> {
  const options: Parameters<typeof serverOptions>[0] = { loggerInstance: logger };
  if (http.bodyLimit !== undefined) options.bodyLimit = http.bodyLimit;
  if (http.trustProxy !== undefined) options.trustProxy = http.trustProxy;
  if (http.requestTimeoutMs !== undefined) options.requestTimeout = http.requestTimeoutMs;
  const server = Fastify(serverOptions(options)) as unknown as FastifyInstance;
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  installRequestContext(server, { i18n });
  installErrorHandler(server, { production: http.production ?? false, i18n });
  if (http.helmet || (http.corsOrigins && http.corsOrigins.length > 0)) {
    await registerSecurity(server, {
      corsOrigins: http.corsOrigins ?? [],
      helmet: http.helmet ?? false,
    });
  }
  if (http.docs) await registerOpenApi(server, http.docs);
  return server;
}
