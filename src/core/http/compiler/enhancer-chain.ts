/** Runs guards and interceptors around a handler call. */

import type { CanActivate } from '../enhancers/can-activate.js';
import type { Interceptor } from '../enhancers/interceptor.js';
import { ForbiddenError } from '../errors/http-errors.js';
import type { ExecutionContext } from '../execution-context.js';

/**
 * Runs every guard in order; false from any means 403 FORBIDDEN. Stays synchronous while the
 * guards answer synchronously (a public route without a token), so that path awaits nothing.
 */
export function runGuards(
  guards: readonly CanActivate[],
  context: ExecutionContext,
  from = 0,
): Promise<void> | undefined {
  for (let index = from; index < guards.length; index += 1) {
    const verdict = guards[index]!.canActivate(context);
    if (typeof verdict !== 'boolean') {
      return Promise.resolve(verdict).then((allowed) => {
        if (!allowed) throw new ForbiddenError();
        return runGuards(guards, context, index + 1);
      });
    }
    if (!verdict) throw new ForbiddenError();
  }
  return undefined;
}

/** Calls `handler` through the interceptors, the first one outermost. */
export function runInterceptors(
  interceptors: readonly Interceptor[],
  context: ExecutionContext,
  handler: () => Promise<unknown>,
): Promise<unknown> {
  const step = (index: number): Promise<unknown> => {
    const interceptor = interceptors[index];
    if (!interceptor) return handler();
    return interceptor.intercept(context, { handle: () => step(index + 1) });
  };
  return step(0);
}
