/** Builds the Fastify handler of one route: the fewest awaits and allocations for what it uses. */
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Interceptor } from '../enhancers/interceptor.js';
import type { ExecutionContext } from '../execution-context.js';
import { noExecutionContext } from '../http-kernel-errors.js';
import type { ArgsBuilder } from './args-compiler.js';
import { runInterceptors } from './enhancer-chain.js';

/** Everything the handler needs, resolved at boot. */
export interface HandlerPlan {
  instance: object;
  method: Function;
  args: ArgsBuilder;
  /** True when an argument comes from a custom (possibly async) parameter decorator. */
  asyncArgs: boolean;
  interceptors: readonly Interceptor[];
  /** Status of a response with a body, and of one without (DELETE: 204). */
  status: number;
  emptyStatus: number;
  contextOf: (request: FastifyRequest, reply: FastifyReply) => () => ExecutionContext;
}

const NO_CONTEXT = (): ExecutionContext => {
  throw noExecutionContext();
};

/** The handler; sync handlers stay sync so a plain route costs one function call. */
export function compileHandler(plan: HandlerPlan): RouteHandlerMethod {
  const { instance, method, args, interceptors, status, emptyStatus } = plan;
  const needsContext = plan.asyncArgs || interceptors.length > 0;
  const invoke = plan.asyncArgs
    ? async (req: FastifyRequest, reply: FastifyReply, ctx: () => ExecutionContext) =>
        method.apply(instance, await args(req, reply, ctx))
    : (req: FastifyRequest, reply: FastifyReply, ctx: () => ExecutionContext) =>
        method.apply(instance, args(req, reply, ctx) as unknown[]);
  const call =
    interceptors.length === 0
      ? invoke
      : (req: FastifyRequest, reply: FastifyReply, ctx: () => ExecutionContext) =>
          runInterceptors(interceptors, ctx(), async () => invoke(req, reply, ctx));
  const finish = (result: unknown, reply: FastifyReply): unknown => {
    if (reply.sent) return reply;
    if (result === undefined) return reply.code(emptyStatus).send();
    if (status !== 200 && reply.statusCode === 200) reply.code(status);
    return result;
  };
  return function keelHandler(request, reply) {
    const result = call(request, reply, needsContext ? plan.contextOf(request, reply) : NO_CONTEXT);
    if (result instanceof Promise) return result.then((value) => finish(value, reply));
    // Fastify sends a returned value; a returned reply means "already handled".
    return finish(result, reply) as ReturnType<RouteHandlerMethod>;
  };
}
