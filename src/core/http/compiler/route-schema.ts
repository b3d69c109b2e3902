/** A route's Fastify schema from its Zod options: strict body, documented errors, envelopes. */
import { z } from 'zod';
import type { CanActivate, GuardDocumentation, RouteTarget } from '../enhancers/can-activate.js';
import type { Interceptor } from '../enhancers/interceptor.js';
import type { ResponseSchemas, RouteOptions } from '../route-options.js';
import { errorResponses } from '../server/error-body.schema.js';

/** What besides the route's own options shapes its schema. */
export interface RouteSchemaContext {
  /** The controller's OpenAPI tags. */
  tags: string[] | undefined;
  /** What the route's guards and interceptors document (statuses, security, headers). */
  guards: readonly GuardDocumentation[];
  /** The route's interceptors, outermost first; their `responseSchema` wraps the 2xx schemas. */
  interceptors: readonly Interceptor[];
}

const DOCS = ['summary', 'description', 'deprecated', 'operationId'] as const;

/** The `schema` of the Fastify route. */
export function compileRouteSchema(
  options: RouteOptions,
  context: RouteSchemaContext,
): Record<string | symbol, unknown> {
  const schema: Record<string | symbol, unknown> = {};
  if (options.params) schema.params = options.params;
  if (options.query) schema.querystring = options.query;
  if (options.body) schema.body = strictBody(options.body);
  if (options.headers) schema.headers = options.headers;
  const validated = Boolean(options.params || options.query || options.body || options.headers);
  schema.response = {
    ...documentedErrors(validated, context.guards),
    ...enveloped(options.response ?? {}, context.interceptors),
  };
  const tags = [...(context.tags ?? []), ...(options.tags ?? [])];
  if (tags.length > 0) schema.tags = tags;
  for (const key of DOCS) if (options[key] !== undefined) schema[key] = options[key];
  // The most specific guard decides: app-wide guards come first, then the class's, the method's.
  const security = context.guards.findLast((doc) => doc.security !== undefined)?.security;
  if (security !== undefined) schema.security = security;
  const headers = Object.assign({}, ...context.guards.map((doc) => doc.headers ?? {}));
  if (Object.keys(headers).length > 0) schema[DOCUMENTED_HEADERS] = headers;
  return schema;
}

/**
 * Request headers enhancers read, kept on the route schema for the OpenAPI document only: the
 * server never validates them as a `headers` schema would (that would also drop other headers).
 */
export const DOCUMENTED_HEADERS = Symbol('keel:documented-headers');

/** The documentation of each guard, then each interceptor, for the route `handler` of `cls`. */
export function describeGuards(
  guards: readonly CanActivate[],
  interceptors: readonly Interceptor[],
  target: RouteTarget,
): GuardDocumentation[] {
  const fromGuards = guards.map((guard) => guard.describeRoute?.(target) ?? DEFAULT_GUARD_DOC);
  const fromInterceptors = interceptors.flatMap((interceptor) => {
    const doc = interceptor.describeRoute?.(target);
    return doc ? [doc] : [];
  });
  return [...fromGuards, ...fromInterceptors];
}

const DEFAULT_GUARD_DOC: GuardDocumentation = { errors: [401, 403] };

// The handler's result passes the innermost (method) interceptor first, so its envelope is the
// innermost one; only 2xx schemas describe what interceptors wrap.
function enveloped(
  response: ResponseSchemas,
  interceptors: readonly Interceptor[],
): ResponseSchemas {
  const wrappers = interceptors.filter((i) => typeof i.responseSchema === 'function').reverse();
  if (wrappers.length === 0) return response;
  const out: ResponseSchemas = {};
  for (const [status, inner] of Object.entries(response)) {
    const code = Number(status);
    if (!inner || code < 200 || code >= 300) {
      out[code] = inner;
      continue;
    }
    out[code] = wrappers.reduce((schema, wrapper) => wrapper.responseSchema!(schema), inner);
  }
  return out;
}

// Documents the error shape; error bodies are sent with plain JSON, so these never re-validate them.
function documentedErrors(
  validated: boolean,
  guards: readonly GuardDocumentation[],
): ResponseSchemas {
  const guarded = new Set(guards.flatMap((doc) => doc.errors));
  const statuses = [...(validated ? [400] : []), ...[...guarded].sort((a, b) => a - b), 500];
  return errorResponses(...statuses);
}

// Unknown body keys are a 400, so a client can never mass-assign fields the schema does not name.
function strictBody(body: z.ZodType): z.ZodType {
  return body instanceof z.ZodObject && body.def.catchall === undefined ? body.strict() : body;
}
