/** `@Catch(ErrorClass, ...)`: the error types an exception filter handles (none: every error). */
import type { Type } from '../../di/injection-token.js';
import { CATCH } from '../metadata-keys.js';

/** Declares which errors the decorated filter catches. */
export function Catch(...errorTypes: Type<Error>[]): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(CATCH, errorTypes, target);
  };
}

/** True when `filter` catches `error`. */
export function filterCatches(filter: object, error: unknown): boolean {
  const types = Reflect.getMetadata(CATCH, filter.constructor) as Type<Error>[] | undefined;
  if (!types || types.length === 0) return true;
  return types.some((type) => error instanceof type);
}
