/** `@UseGuards`, `@UseInterceptors`, `@UseFilters` on a controller class or a route method. */
import type { Type } from '../../di/injection-token.js';
import { FILTERS, GUARDS, INTERCEPTORS } from '../metadata-keys.js';
import type { CanActivate } from './can-activate.js';
import type { ExceptionFilter } from './exception-filter.js';
import type { Interceptor } from './interceptor.js';

/** A class (resolved in the controller's module) or a ready instance. */
export type EnhancerRef<T> = Type<T> | T;

function appendTo(key: symbol) {
  return (...items: unknown[]): ClassDecorator & MethodDecorator =>
    (target: object, method?: string | symbol) => {
      const list = [
        ...((method
          ? Reflect.getOwnMetadata(key, target, method)
          : Reflect.getOwnMetadata(key, target)) ?? []),
        ...items,
      ];
      if (method) Reflect.defineMetadata(key, list, target, method);
      else Reflect.defineMetadata(key, list, target);
    };
}

/** Guards run before validation, in order: app-wide, class, method. */
export const UseGuards: (
  ...guards: EnhancerRef<CanActivate>[]
) => ClassDecorator & MethodDecorator = appendTo(GUARDS);
/** Interceptors wrap the handler: app-wide outermost, then class, then method. */
export const UseInterceptors: (
  ...interceptors: EnhancerRef<Interceptor>[]
) => ClassDecorator & MethodDecorator = appendTo(INTERCEPTORS);
/** Filters are tried method first, then class, then app-wide; the first whose `@Catch` matches runs. */
export const UseFilters: (
  ...filters: EnhancerRef<ExceptionFilter>[]
) => ClassDecorator & MethodDecorator = appendTo(FILTERS);
