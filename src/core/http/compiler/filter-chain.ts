/** Compiles a route's exception filters (method, class, app) into its own Fastify error handler. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { $ZodError } from 'zod/v4/core';
import { RequestContext } from '../../context/request-context.js';
import type { Type } from '../../di/injection-token.js';
import { catchTypes } from '../enhancers/catch.decorator.js';
import type { ExceptionFilter } from '../enhancers/exception-filter.js';
import { httpContext } from '../execution-context.js';
import { toHttpError } from '../server/to-http-error.js';

/** Runs the first matching filter; throws (to the app's error handler) when none handles it. */
export type FilterChain = (
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<unknown>;

/** What a route's filters are compiled from. */
export interface FilterChainPlan {
  /** In the order they are tried: method, class, then app-wide. */
  filters: readonly ExceptionFilter[];
  metatype: Type;
  handler: Function;
  defaultLang: string;
}

// What a filter sends leaves as written: the route's response schemas describe the route's
// own answers, not the body an application filter chooses.
const asWritten = (payload: unknown): string =>
  typeof payload === 'string' ? payload : JSON.stringify(payload);

/** The compiled chain, or undefined when the route has no filter (it then pays nothing). */
export function compileFilterChain(plan: FilterChainPlan): FilterChain | undefined {
  if (plan.filters.length === 0) return undefined;
  const candidates = plan.filters.map((filter) => ({ filter, types: catchTypes(filter) }));
  return async function keelFilters(caught, request, reply) {
    const error = frameworkErrorAsHttp(caught, request, plan.defaultLang);
    const match = candidates.find(({ types }) => catches(types, error));
    if (!match) throw error;
    reply.serializer(asWritten);
    const context = httpContext(plan.metatype, plan.handler, request, reply);
    const result = await match.filter.catch(error, context);
    if (reply.sent) return reply;
    if (result === undefined) throw error;
    if (result instanceof Error) throw result;
    return result;
  };
}

function catches(types: readonly Type<Error>[], error: unknown): boolean {
  return types.length === 0 || types.some((type) => error instanceof type);
}

// Validation, JSON, 413/415 and routing failures reach filters as the HttpError the client would
// get (as Nest's ValidationPipe throws a BadRequestException); the app's own errors stay as thrown.
function frameworkErrorAsHttp(error: unknown, request: FastifyRequest, fallback: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const framework =
    error instanceof $ZodError || (typeof code === 'string' && code.startsWith('FST_'));
  if (!framework) return error;
  const lang = RequestContext.current()?.lang ?? fallback;
  return toHttpError(error, { lang, input: request });
}
