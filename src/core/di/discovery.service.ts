/** Lists constructed providers and the methods that carry a decorator's metadata. */
import type { InjectionToken, Type } from './injection-token.js';

/** One constructed provider or controller. */
export interface DiscoveredInstance {
  token: InjectionToken;
  instance: unknown;
  /** The class that was constructed (`undefined` for values and factories of non-class results). */
  metatype: Type | undefined;
  /** Name of the module that declares it. */
  moduleName: string;
}

/** One method carrying metadata under a given key. */
export interface DiscoveredMethod<M> {
  instance: object;
  metatype: Type;
  methodName: string;
  metadata: M;
  moduleName: string;
}

/** Injected by type into any provider; complete from `onModuleInit` on. */
export class DiscoveryService {
  constructor(
    private readonly providers: () => readonly DiscoveredInstance[],
    private readonly multi: (token: symbol) => readonly unknown[],
  ) {}

  /** Every provider and controller, in construction (dependency) order. */
  getProviders(): readonly DiscoveredInstance[] {
    return this.providers();
  }

  /** Providers whose class carries `key` metadata (class decorators such as `@Gateway`). */
  getProvidersWithMetadata<M>(key: symbol | string): Array<DiscoveredInstance & { metadata: M }> {
    const found: Array<DiscoveredInstance & { metadata: M }> = [];
    for (const entry of this.providers()) {
      if (!entry.metatype) continue;
      const metadata = Reflect.getMetadata(key, entry.metatype) as M | undefined;
      if (metadata !== undefined) found.push({ ...entry, metadata });
    }
    return found;
  }

  /** Methods whose metadata `key` is set (method decorators such as `@OnEvent`). */
  getMethodsWithMetadata<M>(key: symbol | string): DiscoveredMethod<M>[] {
    const found: DiscoveredMethod<M>[] = [];
    const seen = new Set<unknown>();
    for (const { instance, metatype, moduleName } of this.providers()) {
      if (!metatype || seen.has(instance) || typeof instance !== 'object' || instance === null)
        continue;
      seen.add(instance);
      for (const methodName of methodNames(metatype.prototype)) {
        const metadata = Reflect.getMetadata(key, metatype.prototype, methodName) as M | undefined;
        if (metadata !== undefined)
          found.push({ instance, metatype, methodName, metadata, moduleName });
      }
    }
    return found;
  }

  /** Every instance registered under a multi-token (see `createMultiToken`), in boot order. */
  getMultiProviders<T>(token: InjectionToken<T>): T[] {
    return this.multi(token as symbol) as T[];
  }
}

function methodNames(prototype: object): string[] {
  const names = new Set<string>();
  for (
    let proto = prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor') names.add(name);
    }
  }
  return [...names];
}
