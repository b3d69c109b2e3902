/** A route's Fastify schema from its Zod options: strict body, documented errors, envelopes. */
import { z } from 'zod';
import type { Interceptor } from '../enhancers/interceptor.js';
import type { ResponseSchemas, RouteOptions } from '../route-options.js';
import { errorResponses } from '../server/error-body.schema.js';

/** What besides the route's own options shapes its schema. */
export interface RouteSchemaContext {
  /** The controller's OpenAPI tags. */
  tags: string[] | undefined;
  /** Guarded routes document 401 and 403. */
  guarded: boolean;
  /** The route's interceptors, outermost first; their `responseSchema` wraps the 2xx schemas. */
  interceptors: readonly Interceptor[];
}

const DOCS = ['summary', 'description', 'deprecated', 'operationId'] as const;

/** The `schema` of the Fastify route. */
export function compileRouteSchema(
  options: RouteOptions,
  context: RouteSchemaContext,
): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  if (options.params) schema.params = options.params;
  if (options.query) schema.querystring = options.query;
  if (options.body) schema.body = strictBody(options.body);
  if (options.headers) schema.headers = options.headers;
  const validated = Boolean(options.params || options.query || options.body || options.headers);
  schema.response = {
    ...documentedErrors(validated, context.guarded),
    ...enveloped(options.response ?? {}, context.interceptors),
  };
  const tags = [...(context.tags ?? []), ...(options.tags ?? [])];
  if (tags.length > 0) schema.tags = tags;
  for (const key of DOCS) if (options[key] !== undefined) schema[key] = options[key];
  return schema;
}

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
function documentedErrors(validated: boolean, guarded: boolean): ResponseSchemas {
  const statuses = [...(validated ? [400] : []), ...(guarded ? [401, 403] : []), 500];
  return errorResponses(...statuses);
}

// Unknown body keys are a 400, so a client can never mass-assign fields the schema does not name.
function strictBody(body: z.ZodType): z.ZodType {
  return body instanceof z.ZodObject && body.def.catchall === undefined ? body.strict() : body;
}
