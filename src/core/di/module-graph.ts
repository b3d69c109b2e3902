/** Visibility rules: a module sees its providers, its imports' exports and global modules' exports. */
import { type InjectionToken, tokenName } from './injection-token.js';
import { MODULE_METADATA } from './metadata-keys.js';
import { exportNotImported, exportNotProvided, undefinedExport } from './module-errors.js';
import type { DynamicModule, ModuleExport } from './module-metadata.js';
import type { ModuleRecord, ProviderRecord } from './module-record.js';

/** The scanned modules plus the lookups the injector needs. */
export class ModuleGraph {
  private readonly globals: ModuleRecord[];

  constructor(
    readonly root: ModuleRecord,
    readonly modules: readonly ModuleRecord[],
  ) {
    this.globals = modules.filter((module) => module.global);
    const done = new Set<ModuleRecord>();
    for (const module of modules) this.computeExports(module, done, new Set());
  }

  /** The provider `token` resolves to when asked from `module`, or undefined when invisible. */
  lookup(module: ModuleRecord, token: InjectionToken): ProviderRecord | undefined {
    return this.lookupIn(module, token, new Set()) ?? this.lookupGlobals(module, token);
  }

  /** Modules that export `token` (to suggest an import). */
  exportersOf(token: InjectionToken): ModuleRecord[] {
    return this.modules.filter((module) => module.exported.has(token));
  }

  /** Modules that provide `token` without exporting it. */
  hiddenProvidersOf(token: InjectionToken): ModuleRecord[] {
    return this.modules.filter(
      (module) => module.providers.has(token) && !module.exported.has(token),
    );
  }

  private lookupIn(
    module: ModuleRecord,
    token: InjectionToken,
    seen: Set<ModuleRecord>,
  ): ProviderRecord | undefined {
    if (seen.has(module)) return undefined;
    seen.add(module);
    const own = module.providers.get(token);
    if (own) return own;
    for (const imported of module.imports) {
      if (!imported.exported.has(token)) continue;
      const found = this.lookupIn(imported, token, seen);
      if (found) return found;
    }
    return undefined;
  }

  private lookupGlobals(module: ModuleRecord, token: InjectionToken): ProviderRecord | undefined {
    for (const global of this.globals) {
      if (global === module || !global.exported.has(token)) continue;
      const found = this.lookupIn(global, token, new Set());
      if (found) return found;
    }
    return undefined;
  }

  private computeExports(
    module: ModuleRecord,
    done: Set<ModuleRecord>,
    visiting: Set<ModuleRecord>,
  ): void {
    if (done.has(module) || visiting.has(module)) return;
    visiting.add(module);
    for (const imported of module.imports) this.computeExports(imported, done, visiting);
    for (const entry of module.exportList) this.addExport(module, entry);
    visiting.delete(module);
    done.add(module);
  }

  private addExport(module: ModuleRecord, entry: ModuleExport | undefined): void {
    if (entry === undefined || entry === null) {
      throw undefinedExport(module.name);
    }
    const reexported = this.importedModule(module, entry);
    if (reexported) {
      for (const token of reexported.exported) module.exported.add(token);
      return;
    }
    if (isModuleRef(entry)) {
      const name = 'module' in entry ? entry.module.name : entry.name;
      throw exportNotImported(module.name, name);
    }
    const token = entry as InjectionToken;
    if (
      module.providers.has(token) ||
      module.imports.some((imported) => imported.exported.has(token))
    ) {
      module.exported.add(token);
      return;
    }
    throw exportNotProvided(module.name, tokenName(token));
  }

  private importedModule(module: ModuleRecord, entry: ModuleExport): ModuleRecord | undefined {
    const metatype =
      typeof entry === 'object' && entry !== null && 'module' in entry ? entry.module : entry;
    return module.imports.find((imported) => imported.metatype === metatype);
  }
}

function isModuleRef(entry: ModuleExport): entry is DynamicModule | (new () => unknown) {
  if (typeof entry === 'object' && entry !== null && 'module' in entry) return true;
  return typeof entry === 'function' && Reflect.hasOwnMetadata(MODULE_METADATA, entry);
}
