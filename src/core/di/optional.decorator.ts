/** `@Optional()`: the parameter is `undefined` when its token is not visible. */
import { OPTIONAL_PARAMS } from './metadata-keys.js';

/** Marks a constructor parameter optional. */
export function Optional(): ParameterDecorator {
  return (target, _key, index) => {
    const optional: Set<number> = Reflect.getOwnMetadata(OPTIONAL_PARAMS, target) ?? new Set();
    optional.add(index);
    Reflect.defineMetadata(OPTIONAL_PARAMS, optional, target);
  };
}
