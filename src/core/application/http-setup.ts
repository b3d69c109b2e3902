/** Creates the Fastify instance with Keel's defaults, before modules extend it. */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { installRequestContext } from '../context/index.js';
import {
  createRequestValidatorCompiler,
  zodRequestValidatorCompiler,
} from '../http/compiler/request-validator.js';
import { createResponseSerializerCompiler } from '../http/compiler/response-serializer.js';
import { schemaReporter, schemaReportRequested } from '../http/compiler/schema/schema-report.js';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  installBodyDeadline,
  installErrorHandler,
  installExpectationCheck,
  installHostHeaderCheck,
  installTextBodyParser,
  installUtf8JsonParser,
  registerOpenApi,
  registerSecurity,
  serverOptions,
} from '../http/server/index.js';
import type { I18n } from '../i18n/index.js';
import { DEFAULT_SLOW_MS } from '../logger/index.js';
import type { HttpOptions } from './app-options.js';

/** Fastify with Zod compilers, request context, the error shape, security plugins and OpenAPI. */
export async function createServer(
  logger: Logger,
  http: HttpOptions,
  i18n: I18n,
): Promise<FastifyInstance> {
  const options: Parameters<typeof serverOptions>[0] = {
    loggerInstance: logger,
    i18n,
    requestLog: { mode: http.logRequests ?? 'all', slowMs: http.logSlowMs ?? DEFAULT_SLOW_MS },
  };
  if (http.bodyLimit !== undefined) options.bodyLimit = http.bodyLimit;
  if (http.trustProxy !== undefined) options.trustProxy = http.trustProxy;
  const requestTimeoutMs = http.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  options.requestTimeout = requestTimeoutMs;
  const server = Fastify(serverOptions(options)) as unknown as FastifyInstance;
  installSchemaCompilers(server, http.jsonSchemas ?? true);
  installUtf8JsonParser(server);
  installTextBodyParser(server);
  installRequestContext(server, { i18n });
  installHostHeaderCheck(server);
  installExpectationCheck(server, { i18n });
  installBodyDeadline(server, { timeoutMs: requestTimeoutMs });
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

// KEEL_DEBUG_SCHEMAS=1 prints which path (JSON Schema or Zod) each route schema took.
function installSchemaCompilers(server: FastifyInstance, jsonSchemas: boolean): void {
  if (!jsonSchemas) {
    server.setValidatorCompiler(zodRequestValidatorCompiler);
    server.setSerializerCompiler(serializerCompiler);
    return;
  }
  const write = (line: string) => process.stderr.write(line);
  const report = schemaReportRequested() ? schemaReporter(write) : undefined;
  server.setValidatorCompiler(createRequestValidatorCompiler(report));
  server.setSerializerCompiler(createResponseSerializerCompiler(report));
}
