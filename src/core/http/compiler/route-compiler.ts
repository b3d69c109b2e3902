/** Compiles a controller's routes onto plain Fastify routes once at boot (no lookups per request). */
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RouteOptions as FastifyRouteOptions,
} from 'fastify';
import { z } from 'zod';
import type { Type } from '../../di/injection-token.js';
import type { ControllerMetadata } from '../decorators/controller.decorator.js';
import type { ParamSpec } from '../decorators/param.decorators.js';
import type { CanActivate } from '../enhancers/can-activate.js';
import type { ExceptionFilter } from '../enhancers/exception-filter.js';
import type { Interceptor } from '../enhancers/interceptor.js';
import { type ExecutionContext, httpContext } from '../execution-context.js';
import { CONTROLLER, HTTP_CODE, ROUTE_PARAMS, ROUTES } from '../metadata-keys.js';
import type { ResponseSchemas, RouteDefinition, RouteOptions } from '../route-options.js';
import { errorResponses } from '../server/error-body.schema.js';
import { compileArgs } from './args-compiler.js';
import { runGuards } from './enhancer-chain.js';
import { compileHandler } from './handler-compiler.js';
import { joinPaths } from './path.js';
import { captureRawBody } from './raw-body.js';

/** The enhancers that apply to one route, already resolved to instances. */
export interface RouteEnhancers {
  guards: CanActivate[];
  interceptors: Interceptor[];
  filters: ExceptionFilter[];
}

/** What the error handler reads from `request.routeOptions.config.keel`. */
export interface KeelRouteConfig {
  filters: ExceptionFilter[];
  metatype: Type;
  handler: Function;
}

/** One controller to compile. */
export interface ControllerTarget {
  instance: Record<string, unknown>;
  metatype: Type;
  enhancersFor: (route: RouteDefinition) => Promise<RouteEnhancers>;
}

/** Registers every route of `target` on `server` under `prefix`. */
export async function compileController(
  server: FastifyInstance,
  target: ControllerTarget,
  prefix: string,
): Promise<void> {
  const meta = Reflect.getMetadata(CONTROLLER, target.metatype) as ControllerMetadata;
  const routes =
    (Reflect.getMetadata(ROUTES, target.metatype) as RouteDefinition[] | undefined) ?? [];
  for (const route of routes) {
    const enhancers = await target.enhancersFor(route);
    const url = joinPaths(prefix, meta.prefix, route.path);
    try {
      server.route(buildRoute(target, route, { url, tags: meta.tags, enhancers }));
    } catch (error) {
      throw new Error(
        `${target.metatype.name}.${route.handlerName}: cannot register ${route.method} ${url}: ${(error as Error).message}`,
      );
    }
  }
}

interface BuildOptions {
  url: string;
  tags: string[] | undefined;
  enhancers: RouteEnhancers;
}

function buildRoute(
  target: ControllerTarget,
  route: RouteDefinition,
  options: BuildOptions,
): FastifyRouteOptions {
  const { metatype, instance } = target;
  const method = instance[route.handlerName];
  if (typeof method !== 'function')
    throw new Error(`${metatype.name}.${route.handlerName} is not a method`);
  const handlerRef = metatype.prototype[route.handlerName] as Function;
  const specs =
    (Reflect.getMetadata(ROUTE_PARAMS, metatype.prototype, route.handlerName) as
      | ParamSpec[]
      | undefined) ?? [];
  const args = compileArgs(specs);
  const { guards, interceptors, filters } = options.enhancers;
  const contextOf = (request: FastifyRequest, reply: FastifyReply): (() => ExecutionContext) => {
    let context: ExecutionContext | undefined;
    return () => (context ??= httpContext(metatype, handlerRef, request, reply));
  };
  const explicitCode = Reflect.getMetadata(HTTP_CODE, metatype.prototype, route.handlerName) as
    | number
    | undefined;
  const status = explicitCode ?? (route.method === 'POST' ? 201 : 200);
  const emptyStatus = explicitCode ?? (route.method === 'DELETE' ? 204 : status);

  const fastifyRoute: FastifyRouteOptions = {
    method: route.method,
    url: options.url,
    schema: schemaOf(route.options, options.tags, guards.length > 0),
    config: {
      keel: { filters, metatype, handler: handlerRef } satisfies KeelRouteConfig,
    } as FastifyRouteOptions['config'],
    handler: compileHandler({
      instance,
      method,
      args,
      asyncArgs: specs.some((spec) => spec.kind === 'custom'),
      interceptors,
      status,
      emptyStatus,
      contextOf,
    }),
  };
  if (route.options.bodyLimit !== undefined) fastifyRoute.bodyLimit = route.options.bodyLimit;
  if (route.options.rawBody) fastifyRoute.preParsing = captureRawBody;
  if (guards.length > 0) {
    fastifyRoute.preValidation = async (request, reply) =>
      runGuards(guards, contextOf(request, reply)());
  }
  return fastifyRoute;
}

function schemaOf(
  options: RouteOptions,
  controllerTags: string[] | undefined,
  guarded: boolean,
): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  if (options.params) schema.params = options.params;
  if (options.query) schema.querystring = options.query;
  if (options.body) schema.body = strictBody(options.body);
  if (options.headers) schema.headers = options.headers;
  const validated = Boolean(options.params || options.query || options.body || options.headers);
  schema.response = { ...documentedErrors(validated, guarded), ...options.response };
  const tags = [...(controllerTags ?? []), ...(options.tags ?? [])];
  if (tags.length > 0) schema.tags = tags;
  for (const key of ['summary', 'description', 'deprecated', 'operationId'] as const) {
    if (options[key] !== undefined) schema[key] = options[key];
  }
  return schema;
}

// Documents the error shape; error bodies are sent with plain JSON, so these never re-validate them.
function documentedErrors(validated: boolean, guarded: boolean): ResponseSchemas {
  const statuses = [...(validated ? [400] : []), ...(guarded ? [401, 403] : []), 500];
  return errorResponses(...statuses);
}

// Unknown body keys are a 400, so a client can never mass-assign fields the schema does not name.
function strictBody(body: z.ZodType): z.ZodType {
  return body instanceof z.ZodObject && body.def.catchall === undefined ? body.strict() : body;
}
