/** `@Catch(ErrorClass, ...)`: the error types an exception filter handles (none: every error). */
import type { Type } from '../../di/injection-token.js';
import { CATCH } from '../metadata-keys.js';

/** Declares which errors the decorated filter catches. */
export function Catch(...errorTypes: Type<Error>[]): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(CATCH, errorTypes, target);
  };
}

/** The error types `filter`'s class declared with `@Catch` (empty: every error). */
export function catchTypes(filter: object): readonly Type<Error>[] {
  return (Reflect.getMetadata(CATCH, filter.constructor) as Type<Error>[] | undefined) ?? [];
}
