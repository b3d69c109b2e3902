/** `@Global()`: the module's exports are visible to every module without importing it. */
import { GLOBAL_MODULE } from './metadata-keys.js';

/** Makes a module global. */
export function Global(): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(GLOBAL_MODULE, true, target);
  };
}
