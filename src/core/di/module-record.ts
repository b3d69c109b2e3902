/** The kernel's internal view of a module and its providers, built once at boot. */
import type { DependencyContainer } from 'tsyringe';
import type { MessageCatalog } from '../i18n/message-catalog.js';
import type { InjectionToken, Type } from './injection-token.js';
import type { DynamicModule, ModuleExport } from './module-metadata.js';
import type { FactoryDependency } from './provider.js';

/** How a provider is built. */
export type ProviderRecipe =
  | { kind: 'class'; useClass: Type }
  | { kind: 'value'; useValue: unknown }
  | {
      kind: 'factory';
      useFactory: (...args: unknown[]) => unknown;
      inject: readonly FactoryDependency[];
    }
  | { kind: 'existing'; useExisting: InjectionToken };

/** One provider (or controller, or module class) of one module, and its resolution state. */
export interface ProviderRecord {
  token: InjectionToken;
  recipe: ProviderRecipe;
  host: ModuleRecord;
  role: 'provider' | 'controller' | 'module' | 'enhancer';
  state: 'new' | 'resolving' | 'done';
  instance?: unknown;
}

/** One module: its own container, providers and what it exports. */
export interface ModuleRecord {
  name: string;
  metatype: Type;
  dynamic: DynamicModule | undefined;
  global: boolean;
  imports: ModuleRecord[];
  providers: Map<InjectionToken, ProviderRecord>;
  multi: ProviderRecord[];
  controllers: ProviderRecord[];
  exportList: ModuleExport[];
  exported: Set<InjectionToken>;
  container: DependencyContainer;
  /** Enhancers (guards, interceptors...) constructed in this module's scope, by class. */
  enhancers: Map<Type, ProviderRecord>;
  /** The module's message catalogs. */
  messages: readonly MessageCatalog[];
}
