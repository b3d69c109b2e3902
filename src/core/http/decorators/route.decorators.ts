/** `@Get`, `@Post`, `@Put`, `@Patch`, `@Delete`: declare a route with its Zod schemas. */
import { ROUTES } from '../metadata-keys.js';
import type { HandlerResult, RouteDefinition, RouteOptions } from '../route-options.js';

/** A method decorator that also checks the handler's return type against the 2xx schemas. */
export type RouteDecorator<O> = <
  T extends (...args: never[]) => HandlerResult<O> | Promise<HandlerResult<O>>,
>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<T>,
) => void;

function route(method: RouteDefinition['method']) {
  return <const O extends RouteOptions = RouteOptions>(path = '', options?: O): RouteDecorator<O> =>
    (target, key) => {
      const routes: RouteDefinition[] = [
        ...(Reflect.getOwnMetadata(ROUTES, target.constructor) ?? []),
      ];
      routes.push({ method, path, handlerName: String(key), options: options ?? {} });
      Reflect.defineMetadata(ROUTES, routes, target.constructor);
    };
}

/** GET route. */
export const Get = route('GET');
/** POST route (answers 201 unless `@HttpCode` says otherwise). */
export const Post = route('POST');
/** PUT route. */
export const Put = route('PUT');
/** PATCH route. */
export const Patch = route('PATCH');
/** DELETE route (answers 204 when the handler returns nothing). */
export const Delete = route('DELETE');
