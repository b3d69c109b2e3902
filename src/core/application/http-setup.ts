/** Creates the Fastify instance with Keel's defaults, before modules extend it. */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { HttpOptions } from './app-options.js';

/** A Fastify instance with Zod compilers; plugins and hooks come from the HTTP foundations. */
export async function createServer(logger: Logger, http: HttpOptions): Promise<FastifyInstance> {
  const server = Fastify({
    loggerInstance: logger,
    bodyLimit: http.bodyLimit ?? 1_048_576,
    trustProxy: http.trustProxy ?? false,
    disableRequestLogging: true,
  });
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  return server as unknown as FastifyInstance;
}
