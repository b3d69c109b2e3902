/** Walks the module tree from the root: one record per module, import cycles and duplicates reported. */
import type { DependencyContainer } from 'tsyringe';
import { DiError } from './di-error.js';
import { isForwardRef } from './forward-ref.js';
import type { InjectionToken, Type } from './injection-token.js';
import { GLOBAL_MODULE, MODULE_METADATA } from './metadata-keys.js';
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
        throw new DiError(
          'DUPLICATE_IMPORT',
          `${record.name} lists ${childRecord.name} twice in its imports. Fix: keep one entry.`,
        );
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
      throw new DiError(
        'UNDEFINED_IMPORT',
        `${where} is undefined. This is what a circular file import leaves behind: the imported file had not finished loading when ${from.parent?.name ?? 'the root'} was defined. Fix: write forwardRef(() => TheModule) in imports, or break the file cycle.`,
      );
    }
    const metatype = typeof value === 'function' ? value : (value as DynamicModule).module;
    if (typeof metatype !== 'function' || !Reflect.hasOwnMetadata(MODULE_METADATA, metatype)) {
      const name = typeof metatype === 'function' ? metatype.name : String(metatype);
      throw new DiError(
        'NOT_A_MODULE',
        `${where} is ${name}, which is not a module (no @Module decorator). Fix: put providers in \`providers\`, modules in \`imports\`, and decorate modules with @Module({...}).`,
      );
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
    throw new DiError(
      'DUPLICATE_MODULE',
      `Duplicate module registration: ${existing.name} is registered twice with different configurations (by ${first} and by ${parent?.name ?? 'the root'}). Fix: call ${existing.name}.forRoot(...) once (in AppModule; make it global or export it) and import the plain ${existing.name} class where it is needed.`,
    );
  }

  private checkCycle(target: ModuleRecord, viaForwardRef: boolean, stack: StackEntry[]): void {
    const start = stack.findIndex((entry) => entry.record === target);
    if (start < 0) return;
    const cycle = stack.slice(start);
    if (viaForwardRef || cycle.slice(1).some((entry) => entry.viaForwardRef)) return;
    const chain = [...cycle.map((entry) => entry.record.name), target.name].join(' -> ');
    const last = stack[stack.length - 1]?.record.name ?? target.name;
    throw new DiError(
      'MODULE_CYCLE',
      `Module import cycle: ${chain}. Fix: move what both need into a third module, or write forwardRef(() => ${target.name}) in the imports of ${last} (and forwardRef on the other side too if its file imports this one).`,
    );
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
