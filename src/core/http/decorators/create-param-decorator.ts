/** `createParamDecorator((data, ctx) => value)`: custom handler arguments (e.g. `@CurrentUser()`). */
import type { ExecutionContext } from '../execution-context.js';
import { addParam } from './param.decorators.js';

/** Makes a parameter decorator whose value is computed per call from the context. */
export function createParamDecorator<D = unknown, R = unknown>(
  factory: (data: D, ctx: ExecutionContext) => R | Promise<R>,
): (data?: D) => ParameterDecorator {
  return (data?: D) => (target, key, index) => {
    addParam(target, key, {
      index,
      kind: 'custom',
      factory: factory as (data: unknown, ctx: ExecutionContext) => unknown,
      data,
    });
  };
}
