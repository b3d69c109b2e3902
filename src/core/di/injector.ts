/** Resolves every provider at boot: visibility checked first, then built through each module's tsyringe container. */
import { type DependencyContainer, injectable } from 'tsyringe';

import { CONTEXT_LOGGER, LOGGER, type Logger } from '../ports/logger.port.js';
import { classDependencies, type Dependency, factoryDependency } from './class-dependencies.js';
import {
  type DependencySite,
  missingProvider,
  providerCycle,
  untypedParameter,
} from './di-messages.js';
import { isForwardRef } from './forward-ref.js';
import { type InjectionToken, type Type, tokenName } from './injection-token.js';
import { lazyInstance } from './lazy-instance.js';
import type { ModuleGraph } from './module-graph.js';
import type { ModuleRecord, ProviderRecord } from './module-record.js';
import { ModuleRef } from './module-ref.js';
import { normalizeProvider, type Override } from './provider-normalizer.js';

const NOT_INJECTABLE = new Set<unknown>([
  Object,
  Function,
  String,
  Number,
  Boolean,
  Array,
  Symbol,
  BigInt,
  Promise,
]);

// The registration tsyringe builds a class under: never the class itself, so a registration of
// the class in tsyringe's global container (`@singleton()`) cannot stand in for the module's own.
const SELF = Symbol('keel:self');

/** A resolved argument; `scoped` ones are registered for this one construction only. */
interface Argument {
  value: unknown;
  scoped: boolean;
}

/** Constructs providers in dependency order; `order` lists them for lifecycle hooks. */
export class Injector {
  readonly order: ProviderRecord[] = [];
  private readonly moduleRefs = new Map<ModuleRecord, ModuleRef>();

  constructor(
    private readonly graph: ModuleGraph,
    private readonly overrides: ReadonlyMap<InjectionToken, Override>,
  ) {}

  /** Resolves every provider, controller and module class of every module. */
  async resolveAll(): Promise<void> {
    for (const module of this.graph.modules) {
      for (const record of module.providers.values()) await this.resolve(record, []);
      for (const record of module.multi) await this.resolve(record, []);
    }
    for (const module of this.graph.modules) {
      for (const record of module.controllers) await this.resolve(record, []);
      const moduleRecord = this.moduleClassRecord(module);
      await this.resolve(moduleRecord, []);
    }
  }

  /** Resolves a guard/interceptor/filter class in `module`'s scope (visible provider, else constructed). */
  async resolveEnhancer<T>(cls: Type<T>, module: ModuleRecord): Promise<T> {
    const visible = this.graph.lookup(module, cls);
    if (visible) return (await this.resolve(visible, [])) as T;
    let record = module.enhancers.get(cls);
    if (!record) {
      record = { ...normalizeProvider(cls, module, this.overrides), role: 'enhancer' };
      module.enhancers.set(cls, record);
    }
    return (await this.resolve(record, [])) as T;
  }

  private async resolve(record: ProviderRecord, chain: readonly string[]): Promise<unknown> {
    if (record.state === 'done') return record.instance;
    const label = labelOf(record);
    if (record.state === 'resolving') throw providerCycle(chain, label);
    record.state = 'resolving';
    const next = [...chain, label];
    const { recipe } = record;
    let instance: unknown;
    if (recipe.kind === 'value') instance = recipe.useValue;
    else if (recipe.kind === 'existing')
      instance = await this.resolveAlias(record, recipe.useExisting, next);
    else if (recipe.kind === 'factory') {
      const deps = recipe.inject.map((dep, index) => factoryDependency(dep, index));
      const args = await this.resolveDependencies(record, deps, next);
      instance = await recipe.useFactory(...args.map((arg) => arg.value));
    } else {
      instance = await this.construct(record, recipe.useClass, next);
    }
    record.instance = instance;
    record.state = 'done';
    this.order.push(record);
    this.publish(record);
    return instance;
  }

  // Every dependency is visible and built (async factories awaited) before tsyringe constructs
  // the class from the module's container; only what differs per consumer is registered in a
  // throwaway child (CONTEXT_LOGGER, ModuleRef, absent optionals, forwardRef stand-ins).
  private async construct(record: ProviderRecord, cls: Type, chain: readonly string[]) {
    const deps = classDependencies(cls, record.host);
    const args = await this.resolveDependencies(record, deps, chain);
    const scope: DependencyContainer = record.host.container.createChildContainer();
    deps.forEach((dep, index) => {
      const arg = args[index]!;
      if (arg.scoped || dep.slot !== dep.ref) {
        registerValue(scope, dep.slot, arg.value);
      }
    });
    injectable()(cls as new (...args: never[]) => unknown);
    scope.register(SELF, { useClass: cls as new (...args: never[]) => unknown });
    return scope.resolve(SELF);
  }

  // A finished provider is registered in the container of every module that can see it.
  private publish(record: ProviderRecord): void {
    if (record.role === 'module') return;
    if (record.role !== 'provider') {
      registerValue(record.host.container, record.token, record.instance);
      return;
    }
    for (const module of this.graph.modules) {
      if (module.multi.includes(record) || this.graph.lookup(module, record.token) === record) {
        registerValue(module.container, record.token, record.instance);
      }
    }
  }

  private async resolveAlias(
    record: ProviderRecord,
    target: InjectionToken,
    chain: readonly string[],
  ): Promise<unknown> {
    const site = this.site(record, `useExisting ${tokenName(target)}`, chain);
    const found = this.graph.lookup(record.host, target);
    if (!found) throw missingProvider(site, target, this.graph);
    return this.resolve(found, chain);
  }

  private async resolveDependencies(
    record: ProviderRecord,
    deps: readonly Dependency[],
    chain: readonly string[],
  ): Promise<Argument[]> {
    const args: Argument[] = [];
    for (const dep of deps) args.push(await this.resolveDependency(record, dep, chain));
    return args;
  }

  private async resolveDependency(
    record: ProviderRecord,
    dep: Dependency,
    chain: readonly string[],
  ): Promise<Argument> {
    const site = this.site(record, dep.position, chain);
    const forward = isForwardRef(dep.ref);
    const token = (
      forward ? (dep.ref as { resolve: () => unknown }).resolve() : dep.ref
    ) as InjectionToken;
    if (token === undefined || NOT_INJECTABLE.has(token)) {
      throw untypedParameter(site, 'emitted' in dep ? dep.emitted : token);
    }
    if (token === CONTEXT_LOGGER)
      return { value: await this.contextLogger(record, chain), scoped: true };
    if (token === ModuleRef) return { value: this.moduleRef(record.host), scoped: true };
    const target = this.graph.lookup(record.host, token);
    if (!target) {
      if (dep.optional) return { value: undefined, scoped: true };
      throw missingProvider(site, token, this.graph);
    }
    if (forward && target.state !== 'done') {
      // The target may be waiting on us: hand out a proxy that forwards once it exists.
      const proxy = lazyInstance(() => target.instance, tokenName(token), site.consumer);
      return { value: proxy, scoped: true };
    }
    return { value: await this.resolve(target, chain), scoped: false };
  }

  private moduleRef(module: ModuleRecord): ModuleRef {
    let ref = this.moduleRefs.get(module);
    if (!ref) {
      ref = new ModuleRef(module.name, module.container);
      this.moduleRefs.set(module, ref);
    }
    return ref;
  }

  // Each consumer gets its own child of the root logger, named after the consumer.
  private async contextLogger(record: ProviderRecord, chain: readonly string[]): Promise<Logger> {
    const root = this.graph.lookup(record.host, LOGGER);
    if (!root)
      throw missingProvider(this.site(record, 'CONTEXT_LOGGER', chain), LOGGER, this.graph);
    const logger = (await this.resolve(root, chain)) as Logger;
    const ctor = record.recipe.kind === 'class' ? record.recipe.useClass.name : labelOf(record);
    return logger.child({ context: ctor });
  }

  private site(record: ProviderRecord, position: string, chain: readonly string[]): DependencySite {
    return { consumer: labelOf(record), host: record.host, position, chain };
  }

  private moduleClassRecord(module: ModuleRecord): ProviderRecord {
    return {
      token: module.metatype,
      recipe: { kind: 'class', useClass: module.metatype },
      host: module,
      role: 'module',
      state: 'new',
    };
  }
}

// tsyringe reads `useValue: undefined` (or null) as no value at all: such values go through a factory.
function registerValue(container: DependencyContainer, token: unknown, value: unknown): void {
  const key = token as symbol;
  if (value === undefined || value === null) container.register(key, { useFactory: () => value });
  else container.register(key, { useValue: value });
}

function labelOf(record: ProviderRecord): string {
  const { recipe } = record;
  if (recipe.kind === 'class' && recipe.useClass !== record.token) {
    return `${tokenName(record.token)} (useClass ${recipe.useClass.name})`;
  }
  return tokenName(record.token);
}
