/** What `@Module` takes and what a dynamic module (`forRoot`) returns. */
import type { MessageCatalog } from '../i18n/message-catalog.js';
import type { ForwardRef } from './forward-ref.js';
import type { InjectionToken, Type } from './injection-token.js';
import type { Provider } from './provider.js';

/** A module reference in `imports`. */
export type ModuleImport =
  | Type
  | DynamicModule
  | ForwardRef<Type | DynamicModule>
  | Promise<DynamicModule>;

/** An export: a token this module provides or re-exports, or an imported module to re-export. */
export type ModuleExport = InjectionToken | Type | DynamicModule;

/** The static description of a module. */
export interface ModuleMetadata {
  imports?: ModuleImport[];
  controllers?: Type[];
  providers?: Provider[];
  exports?: ModuleExport[];
  /** Message catalogs (`defineMessages`) the module's errors and texts use; every app that includes the module speaks them. */
  messages?: readonly MessageCatalog[];
}

/** A configured module instance returned by `forRoot` / `forRootAsync`. */
export interface DynamicModule extends ModuleMetadata {
  module: Type;
  global?: boolean;
}
