/** Walks the module tree from the root: one record per module, import cycles and duplicates reported. */
import type { DependencyContainer } from 'tsyringe';
import { isForwardRef } from './forward-ref.js';
import type { InjectionToken, Type } from './injection-token.js';
import { GLOBAL_MODULE, MODULE_METADATA } from './metadata-keys.js';
import {
  duplicateImport,
  duplicateModule,
  moduleCycle,
  notAModule,
  undefinedImport,
} from './module-errors.js';
import type { DynamicModule, ModuleImport, ModuleMetadata } from './module-metadata.js';
import type { ModuleRecord } from './module-record.js';
import { isMultiToken } from './multi-token.js';
import { normalizeProvider, type Override } from './provider-normalizer.js';

interface StackEntry {
  record: ModuleRecord;
  viaForwardRef: boolean;
}

/** Builds every `ModuleRecord` reachable from `root`, in discovery order. */
export class ModuleScanner {
  private readonly records = new Map<Type, ModuleRecord>();
  private readonly importers = new Map<ModuleRecord, string>();

  constructor(
    private readonly appContainer: DependencyContainer,
    private readonly overrides: ReadonlyMap<InjectionToken, Override>,
  ) {}

  /** Registers the kernel's own global module before the app's tree. */
  async scanCore(core: DynamicModule): Promise<void> {
    await this.visit(core, { parent: undefined, index: 0 }, []);
  }

  /** Scans the tree; returns the root record and all records. */
  async scan(root: ModuleImport): Promise<{ root: ModuleRecord; modules: ModuleRecord[] }> {
    const rootRecord = await this.visit(root, { parent: undefined, index: 0 }, []);
    return { root: rootRecord, modules: [...this.records.values()] };
  }

  private async visit(
    entry: ModuleImport | undefined,
    from: { parent: ModuleRecord | undefined; index: number },
    stack: StackEntry[],
  ): Promise<ModuleRecord> {
    const viaForwardRef = isForwardRef(entry);
    const resolved = await this.unwrap(entry, from);
    const metatype = 'module' in resolved ? resolved.module : resolved;
    const dynamic = 'module' in resolved ? (resolved as DynamicModule) : undefined;
    const existing = this.records.get(metatype);
    if (existing) {
      this.checkDuplicate(existing, dynamic, from.parent);
      this.checkCycle(existing, viaForwardRef, stack);
      return existing;
    }
    const record = this.createRecord(metatype, dynamic);
    this.records.set(metatype, record);
    this.importers.set(record, from.parent?.name ?? 'the root');
    const nextStack = [...stack, { record, viaForwardRef }];
    const imports = [...(metadataOf(metatype).imports ?? []), ...(dynamic?.imports ?? [])];
    const seen = new Set<ModuleRecord>();
    for (const [index, child] of imports.entries()) {
      const childRecord = await this.visit(child, { parent: record, index }, nextStack);
      if (seen.has(childRecord)) {
        throw duplicateImport(record.name, childRecord.name);
      }
      seen.add(childRecord);
      record.imports.push(childRecord);
    }
    return record;
  }

  private async unwrap(
    entry: ModuleImport | undefined,
    from: { parent: ModuleRecord | undefined; index: number },
  ): Promise<Type | DynamicModule> {
    const where = from.parent ? `${from.parent.name}.imports[${from.index}]` : 'The root module';
    let value: unknown = isForwardRef(entry) ? entry.resolve() : entry;
    if (value instanceof Promise) value = await value;
    if (value === undefined || value === null) {
      throw undefinedImport(where, from.parent?.name ?? 'the root');
    }
    const metatype = typeof value === 'function' ? value : (value as DynamicModule).module;
    if (typeof metatype !== 'function' || !Reflect.hasOwnMetadata(MODULE_METADATA, metatype)) {
      const name = typeof metatype === 'function' ? metatype.name : String(metatype);
      throw notAModule(where, name);
    }
    return value as Type | DynamicModule;
  }

  private checkDuplicate(
    existing: ModuleRecord,
    dynamic: DynamicModule | undefined,
    parent?: ModuleRecord,
  ): void {
    if (!dynamic || dynamic === existing.dynamic) return;
    const first = this.importers.get(existing);
    throw duplicateModule(existing.name, first ?? 'the root', parent?.name ?? 'the root');
  }

  private checkCycle(target: ModuleRecord, viaForwardRef: boolean, stack: StackEntry[]): void {
    const start = stack.findIndex((entry) => entry.record === target);
    if (start < 0) return;
    const cycle = stack.slice(start);
    if (viaForwardRef || cycle.slice(1).some((entry) => entry.viaForwardRef)) return;
    const chain = [...cycle.map((entry) => entry.record.name), target.name];
    const last = stack[stack.length - 1]?.record.name ?? target.name;
    throw moduleCycle(chain, target.name, last);
  }

  private createRecord(metatype: Type, dynamic: DynamicModule | undefined): ModuleRecord {
    const meta = metadataOf(metatype);
    const record: ModuleRecord = {
      name: metatype.name,
      metatype,
      dynamic,
      global: dynamic?.global ?? Reflect.getOwnMetadata(GLOBAL_MODULE, metatype) === true,
      imports: [],
      providers: new Map(),
      multi: [],
      controllers: [],
      exportList: [...(meta.exports ?? []), ...(dynamic?.exports ?? [])],
      exported: new Set(),
      container: this.appContainer.createChildContainer(),
      enhancers: new Map(),
      messages: [...(meta.messages ?? []), ...(dynamic?.messages ?? [])],
    };
    for (const provider of [...(meta.providers ?? []), ...(dynamic?.providers ?? [])]) {
      const normalized = normalizeProvider(provider, record, this.overrides);
      if (isMultiToken(normalized.token)) record.multi.push(normalized);
      else record.providers.set(normalized.token, normalized);
    }
    for (const controller of [...(meta.controllers ?? []), ...(dynamic?.controllers ?? [])]) {
      const normalized = normalizeProvider(controller, record, this.overrides);
      record.controllers.push({ ...normalized, role: 'controller' });
    }
    return record;
  }
}

function metadataOf(metatype: Type): ModuleMetadata {
  return (Reflect.getOwnMetadata(MODULE_METADATA, metatype) as ModuleMetadata | undefined) ?? {};
}
