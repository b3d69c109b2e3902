/** Runs guards and interceptors around a handler call. */

import type { CanActivate } from '../enhancers/can-activate.js';
import type { Interceptor } from '../enhancers/interceptor.js';
import { ForbiddenError } from '../errors/http-errors.js';
import type { ExecutionContext } from '../execution-context.js';

/** Runs every guard in order; false from any means 403 FORBIDDEN. */
export async function runGuards(
  guards: readonly CanActivate[],
  context: ExecutionContext,
): Promise<void> {
  for (const guard of guards) {
    if (!(await guard.canActivate(context))) throw new ForbiddenError();
  }
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
