/** The HTTP catalogue: route compile and decorator errors (public codes, see docs/errors.md). */
import { KeelError } from '../errors/keel-error.js';

/** Codes of errors in controllers, routes and execution contexts. */
export const HTTP_ERROR_CODES = {
  ROUTE_CONFLICT: 'KEEL_HTTP_ROUTE_CONFLICT',
  ROUTE_INVALID: 'KEEL_HTTP_ROUTE_INVALID',
  NOT_A_METHOD: 'KEEL_HTTP_NOT_A_METHOD',
  PARAM_ON_CONSTRUCTOR: 'KEEL_HTTP_PARAM_ON_CONSTRUCTOR',
  WRONG_CONTEXT: 'KEEL_HTTP_WRONG_CONTEXT',
  NO_EXECUTION_CONTEXT: 'KEEL_HTTP_NO_EXECUTION_CONTEXT',
} as const;

/** One of `HTTP_ERROR_CODES`. */
export type HttpKernelErrorCode = (typeof HTTP_ERROR_CODES)[keyof typeof HTTP_ERROR_CODES];

/** Thrown at boot (or on first use) when a controller or route is wired wrongly; never a response. */
export class HttpKernelError extends KeelError<HttpKernelErrorCode> {}

/**
 * Registering `controller.handler` (`method url`) failed with `cause`: a duplicate route is
 * KEEL_HTTP_ROUTE_CONFLICT, any other Fastify refusal KEEL_HTTP_ROUTE_INVALID, and a kernel error
 * (`notAMethod` from building the route) is returned unchanged.
 */
export function routeRejected(
  controller: string,
  handler: string,
  method: string,
  url: string,
  cause: unknown,
): KeelError {
  if (cause instanceof KeelError) return cause;
  const reason = (cause as Error | undefined)?.message ?? String(cause);
  const head = `${controller}.${handler}: cannot register ${method} ${url}: ${reason}`;
  if ((cause as { code?: unknown } | undefined)?.code === 'FST_ERR_DUPLICATED_ROUTE') {
    return new HttpKernelError(
      HTTP_ERROR_CODES.ROUTE_CONFLICT,
      `${head}\n  Fix: another handler already answers ${method} ${url} (check the controller prefixes and the global prefix): change the path or method of one of them.`,
      { cause },
    );
  }
  return new HttpKernelError(
    HTTP_ERROR_CODES.ROUTE_INVALID,
    `${head}\n  Fix: correct the path or the options of @${decoratorOf(method)}() on ${controller}.${handler} as Fastify's reason says.`,
    { cause },
  );
}

/** A route decorator sits on `controller.handler`, which is not a method of the instance. */
export function notAMethod(controller: string, handler: string): HttpKernelError {
  return new HttpKernelError(
    HTTP_ERROR_CODES.NOT_A_METHOD,
    `${controller}.${handler} is not a method\n  Fix: put the route decorator on a method of ${controller}; an instance property or accessor named ${handler} hides the method.`,
  );
}

/** A parameter decorator (`@Body`) on parameter `index` of `className`'s constructor. */
export function paramOnConstructor(
  className: string,
  kind: string,
  index: number,
): HttpKernelError {
  return new HttpKernelError(
    HTTP_ERROR_CODES.PARAM_ON_CONSTRUCTOR,
    `Parameter decorators apply to route methods, not constructors: ${className} has a ${kind} decorator on constructor parameter #${index + 1} (index ${index}).\n  Fix: move it to a parameter of a route method; the constructor receives providers by type or with @Inject(TOKEN).`,
  );
}

/** `switchToWs()` in an HTTP call, or `switchToHttp()` in a WebSocket frame, in `where`. */
export function wrongContext(
  called: 'switchToHttp' | 'switchToWs',
  actual: 'http' | 'ws',
  where: string,
): HttpKernelError {
  const context = actual === 'http' ? 'an HTTP' : 'a WebSocket';
  return new HttpKernelError(
    HTTP_ERROR_CODES.WRONG_CONTEXT,
    `${called}() called in ${context} context (${where}): check ctx.getType() first\n  Fix: branch on ctx.getType() ('http' or 'ws') in guards, interceptors and param decorators shared by routes and gateways.`,
  );
}

/** The handler asked for its execution context on a route compiled without one (a kernel bug). */
export function noExecutionContext(): HttpKernelError {
  return new HttpKernelError(
    HTTP_ERROR_CODES.NO_EXECUTION_CONTEXT,
    'no execution context: the route has no interceptor or custom parameter\n  Fix: this is a bug in the route compiler, not in your code: please report it with the route and its decorators.',
  );
}

function decoratorOf(method: string): string {
  const lower = method.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
