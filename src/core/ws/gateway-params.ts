/** Custom parameter decorators (`createParamDecorator`, e.g. `@CurrentUser()`) on gateway handlers. */
import type { Type } from '../di/injection-token.js';
import type { ParamSpec } from '../http/decorators/param.decorators.js';
import type { ExecutionContext } from '../http/execution-context.js';
import { ROUTE_PARAMS } from '../http/metadata-keys.js';

/** Builds one call's arguments from the frame's data, the client and the call's context. */
export type GatewayArgs = (
  data: unknown,
  client: unknown,
  context: ExecutionContext,
) => Promise<unknown[]>;

/**
 * How `gateway[methodName]` is called: `(data, client)`, with every position that carries a
 * custom parameter decorator replaced by its value. Undefined when there is none, so the plain
 * call stays a direct one. HTTP decorators (`@Body`, `@Query`...) mean nothing on a frame.
 */
export function gatewayArgsOf(gateway: Type, methodName: string): GatewayArgs | undefined {
  const specs =
    (Reflect.getMetadata(ROUTE_PARAMS, gateway.prototype, methodName) as ParamSpec[] | undefined) ??
    [];
  const custom = specs.filter((spec) => spec.kind === 'custom' && spec.factory !== undefined);
  if (custom.length === 0) return undefined;
  return async (data, client, context) => {
    const args: unknown[] = [data, client];
    for (const spec of custom) args[spec.index] = await spec.factory?.(spec.data, context);
    return args;
  };
}
