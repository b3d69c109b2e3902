/** `@Module({ imports, controllers, providers, exports })`. */
import { MODULE_METADATA } from './metadata-keys.js';
import type { ModuleMetadata } from './module-metadata.js';

/** Declares a module: its own container, what it provides, imports and exports. */
export function Module(metadata: ModuleMetadata = {}): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(MODULE_METADATA, metadata, target);
  };
}
