/** Compiles a controller's routes onto plain Fastify routes once at boot (no lookups per request). */
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RouteOptions as FastifyRouteOptions,
} from 'fastify';
import type { Type } from '../../di/injection-token.js';
import type { I18n } from '../../i18n/i18n.js';
import type { ControllerMetadata } from '../decorators/controller.decorator.js';
import type { ParamSpec } from '../decorators/param.decorators.js';
import type { CanActivate, RouteTarget } from '../enhancers/can-activate.js';
import type { ExceptionFilter } from '../enhancers/exception-filter.js';
import type { Interceptor } from '../enhancers/interceptor.js';
import { type ExecutionContext, httpContext } from '../execution-context.js';
import { notAMethod, routeRejected } from '../http-kernel-errors.js';
import { CONTROLLER, HTTP_CODE, ROUTE_PARAMS, ROUTES } from '../metadata-keys.js';
import type { RouteDefinition } from '../route-options.js';
import { compileArgs } from './args-compiler.js';
import { runGuards } from './enhancer-chain.js';
import { compileFilterChain } from './filter-chain.js';
import { compileHandler } from './handler-compiler.js';
import { joinPaths } from './path.js';
import { captureRawBody } from './raw-body.js';
import { compileRouteSchema, describeGuards } from './route-schema.js';

/** The enhancers that apply to one route, already resolved to instances. */
export interface RouteEnhancers {
  guards: CanActivate[];
  interceptors: Interceptor[];
  filters: ExceptionFilter[];
}

/** One controller to compile. */
export interface ControllerTarget {
  instance: Record<string, unknown>;
  metatype: Type;
  enhancersFor: (route: RouteDefinition) => Promise<RouteEnhancers>;
}

/** App-wide settings of the compiled routes. */
export interface CompileOptions {
  /** Global route prefix (`API_PREFIX`). */
  prefix: string;
  /** The app's translator: filters outside a request context fall back to its language. */
  i18n: I18n;
}

/** Registers every route of `target` on `server` under `options.prefix`. */
export async function compileController(
  server: FastifyInstance,
  target: ControllerTarget,
  options: CompileOptions,
): Promise<void> {
  const meta = Reflect.getMetadata(CONTROLLER, target.metatype) as ControllerMetadata;
  const routes =
    (Reflect.getMetadata(ROUTES, target.metatype) as RouteDefinition[] | undefined) ?? [];
  for (const route of routes) {
    const handler = target.metatype.prototype[route.handlerName] as Function;
    const enhancers = applying(await target.enhancersFor(route), { cls: target.metatype, handler });
    const url = joinPaths(options.prefix, meta.prefix, route.path);
    const build = { url, tags: meta.tags, enhancers, defaultLang: options.i18n.defaultLang };
    try {
      server.route(buildRoute(target, route, build));
    } catch (error) {
      throw routeRejected(target.metatype.name, route.handlerName, route.method, url, error);
    }
  }
}

// Enhancers that declare `appliesTo` are left off the routes they do not apply to, at boot.
function applying(enhancers: RouteEnhancers, target: RouteTarget): RouteEnhancers {
  const applies = (enhancer: { appliesTo?(target: RouteTarget): boolean }) =>
    enhancer.appliesTo?.(target) ?? true;
  return {
    guards: enhancers.guards.filter(applies),
    interceptors: enhancers.interceptors.filter(applies),
    filters: enhancers.filters,
  };
}

interface BuildOptions {
  url: string;
  tags: string[] | undefined;
  enhancers: RouteEnhancers;
  defaultLang: string;
}

function buildRoute(
  target: ControllerTarget,
  route: RouteDefinition,
  options: BuildOptions,
): FastifyRouteOptions {
  const { metatype, instance } = target;
  const method = instance[route.handlerName];
  if (typeof method !== 'function') throw notAMethod(metatype.name, route.handlerName);
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

  const { config, constraints, bodyLimit, rawBody, ...rest } = route.options;
  const fastifyRoute: FastifyRouteOptions = {
    ...hooksOf(rest),
    method: route.method,
    url: options.url,
    schema: compileRouteSchema(route.options, {
      tags: options.tags,
      guards: describeGuards(guards, interceptors, { cls: metatype, handler: handlerRef }),
      interceptors,
    }),
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
  if (config !== undefined) fastifyRoute.config = config;
  if (constraints !== undefined) fastifyRoute.constraints = constraints;
  if (bodyLimit !== undefined) fastifyRoute.bodyLimit = bodyLimit;
  if (rawBody) fastifyRoute.preParsing = [...asArray(rest.preParsing), captureRawBody];
  if (guards.length > 0) {
    // Callback style: guards that answer synchronously (a public route called without a token)
    // cost no promise; an async one continues the request when it settles.
    const guard = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      let pending: Promise<void> | undefined;
      try {
        pending = runGuards(guards, contextOf(request, reply)());
      } catch (error) {
        done(error as Error);
        return;
      }
      if (pending === undefined) done();
      else pending.then(() => done(), done);
    };
    fastifyRoute.preValidation = [guard, ...asArray(rest.preValidation)];
  }
  const errorHandler = compileFilterChain({
    filters,
    metatype,
    handler: handlerRef,
    defaultLang: options.defaultLang,
  });
  if (errorHandler) fastifyRoute.errorHandler = errorHandler;
  return fastifyRoute;
}

const HOOKS = [
  'onRequest',
  'preParsing',
  'preValidation',
  'preHandler',
  'preSerialization',
  'onSend',
  'onResponse',
  'onTimeout',
  'onError',
  'onRequestAbort',
] as const;

// The route's own Fastify hooks, passed through as Fastify takes them.
function hooksOf(options: Record<string, unknown>): Partial<FastifyRouteOptions> {
  const hooks: Record<string, unknown> = {};
  for (const name of HOOKS) if (options[name] !== undefined) hooks[name] = options[name];
  return hooks as Partial<FastifyRouteOptions>;
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
