/** Compiles a handler's decorated parameters into one fast argument builder, once at boot. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ParamSpec } from '../decorators/param.decorators.js';
import type { ExecutionContext } from '../execution-context.js';

type Getter = (
  request: FastifyRequest,
  reply: FastifyReply,
  context: () => ExecutionContext,
) => unknown;

/** Builds the handler's arguments; returns a Promise only when a custom decorator is async. */
export type ArgsBuilder = (
  request: FastifyRequest,
  reply: FastifyReply,
  context: () => ExecutionContext,
) => unknown[] | Promise<unknown[]>;

/** One getter per parameter; missing positions receive undefined. */
export function compileArgs(specs: readonly ParamSpec[]): ArgsBuilder {
  if (specs.length === 0) return () => [];
  const size = Math.max(...specs.map((spec) => spec.index)) + 1;
  const getters: Getter[] = Array.from({ length: size }, () => () => undefined);
  for (const spec of specs) getters[spec.index] = getterFor(spec);
  const custom = specs.filter((spec) => spec.kind === 'custom').map((spec) => spec.index);
  if (custom.length === 0)
    return (request, reply, context) => getters.map((get) => get(request, reply, context));
  // Only the custom getters' results are awaited: Fastify's reply is itself a thenable that
  // settles when the response is sent, so awaiting every argument would hang with `@Res()`.
  return async (request, reply, context) => {
    const args = getters.map((get) => get(request, reply, context));
    for (const index of custom) args[index] = await args[index];
    return args;
  };
}

function getterFor(spec: ParamSpec): Getter {
  const { key } = spec;
  switch (spec.kind) {
    case 'body':
      return key
        ? (req) => (req.body as Record<string, unknown> | undefined)?.[key]
        : (req) => req.body;
    case 'params':
      return key ? (req) => (req.params as Record<string, unknown>)[key] : (req) => req.params;
    case 'query':
      return key ? (req) => (req.query as Record<string, unknown>)[key] : (req) => req.query;
    case 'headers':
      return key ? (req) => req.headers[key.toLowerCase()] : (req) => req.headers;
    case 'req':
      return (req) => req;
    case 'res':
      return (_req, reply) => reply;
    case 'rawBody':
      return (req) => (req as FastifyRequest & { rawBody?: Buffer }).rawBody;
    case 'custom': {
      const factory = spec.factory!;
      return (_req, _reply, context) => factory(spec.data, context());
    }
  }
}
