/** Resolves every provider at boot, enforcing module visibility; async factories are awaited. */

import { CONTEXT_LOGGER, LOGGER, type Logger } from '../ports/logger.port.js';
import {
  type DependencySite,
  missingMetadata,
  missingProvider,
  parameterPosition,
  providerCycle,
  untypedParameter,
} from './di-messages.js';
import { isForwardRef, type TokenRef } from './forward-ref.js';
import type { InjectTokens } from './inject.decorator.js';
import { type InjectionToken, type Type, tokenName } from './injection-token.js';
import { lazyInstance } from './lazy-instance.js';
import { INJECT_TOKENS, OPTIONAL_PARAMS } from './metadata-keys.js';
import type { ModuleGraph } from './module-graph.js';
import type { ModuleRecord, ProviderRecord } from './module-record.js';
import type { FactoryDependency } from './provider.js';
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

interface Dependency {
  ref: TokenRef;
  optional: boolean;
  position: string;
  emitted?: unknown;
}

/** Constructs providers in dependency order; `order` lists them for lifecycle hooks. */
export class Injector {
  readonly order: ProviderRecord[] = [];

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
      instance = await recipe.useFactory(...args);
    } else {
      const args = await this.resolveDependencies(
        record,
        classDependencies(recipe.useClass, record),
        next,
      );
      instance = new recipe.useClass(...args);
    }
    record.instance = instance;
    record.state = 'done';
    this.order.push(record);
    if (record.role === 'provider') {
      record.host.container.register(record.token as symbol, { useValue: instance });
    }
    return instance;
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
  ): Promise<unknown[]> {
    const args: unknown[] = [];
    for (const dep of deps) args.push(await this.resolveDependency(record, dep, chain));
    return args;
  }

  private async resolveDependency(
    record: ProviderRecord,
    dep: Dependency,
    chain: readonly string[],
  ): Promise<unknown> {
    const site = this.site(record, dep.position, chain);
    const forward = isForwardRef(dep.ref);
    const token = (
      forward ? (dep.ref as { resolve: () => unknown }).resolve() : dep.ref
    ) as InjectionToken;
    if (token === undefined || NOT_INJECTABLE.has(token)) {
      throw untypedParameter(site, 'emitted' in dep ? dep.emitted : token);
    }
    if (token === CONTEXT_LOGGER) return this.contextLogger(record, chain);
    const target = this.graph.lookup(record.host, token);
    if (!target) {
      if (dep.optional) return undefined;
      throw missingProvider(site, token, this.graph);
    }
    if (forward && target.state !== 'done') {
      // The target may be waiting on us: hand out a proxy that forwards once it exists.
      return lazyInstance(() => target.instance, tokenName(token), site.consumer);
    }
    return this.resolve(target, chain);
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

function classDependencies(cls: Type, record: ProviderRecord): Dependency[] {
  const paramTypes = Reflect.getMetadata('design:paramtypes', cls) as unknown[] | undefined;
  const tokens = (Reflect.getMetadata(INJECT_TOKENS, cls) as InjectTokens | undefined) ?? new Map();
  const optional =
    (Reflect.getMetadata(OPTIONAL_PARAMS, cls) as Set<number> | undefined) ?? new Set();
  if (!paramTypes) {
    if (cls.length > 0 && tokens.size < cls.length)
      throw missingMetadata(cls.name, record.host, cls.length);
    return Array.from({ length: cls.length }, (_, index) => ({
      ref: tokens.get(index) as TokenRef,
      optional: optional.has(index),
      position: parameterPosition(index),
    }));
  }
  return paramTypes.map((emitted, index) => ({
    ref: (tokens.get(index) ?? emitted) as TokenRef,
    optional: optional.has(index),
    position: parameterPosition(index),
    ...(tokens.has(index) ? {} : { emitted }),
  }));
}

function factoryDependency(dep: FactoryDependency, index: number): Dependency {
  const position = `factory inject[${index}]`;
  if (typeof dep === 'object' && dep !== null && 'optional' in dep && 'token' in dep) {
    return { ref: dep.token, optional: true, position };
  }
  return { ref: dep as TokenRef, optional: false, position };
}

function labelOf(record: ProviderRecord): string {
  const { recipe } = record;
  if (recipe.kind === 'class' && recipe.useClass !== record.token) {
    return `${tokenName(record.token)} (useClass ${recipe.useClass.name})`;
  }
  return tokenName(record.token);
}
