/** Resolves the `@UseGuards` of gateways the way routes get theirs, through DiscoveryService. */

import type { CanActivate, DiscoveryService, Type } from '#core';
import { APP_GUARD } from '#core';
import type { EnhancerRef } from '#core/internal';
import { GUARDS, guardNotProvided } from '#core/internal';

/** Where a gateway lives, for lookups and error messages. */
export interface GatewayRef {
  metatype: Type;
  moduleName: string;
}

/**
 * A guard class that is a provider is used as constructed (the gateway's module first); one
 * without constructor parameters is built once; any other is a boot error naming the fix.
 */
export class GatewayGuardResolver {
  private readonly built = new Map<Type, CanActivate>();
  private readonly global: CanActivate[];

  constructor(private readonly discovery: DiscoveryService) {
    this.global = discovery.getMultiProviders(APP_GUARD);
  }

  /** App-wide guards, then the gateway class's, then the method's. */
  guardsFor(gateway: GatewayRef, methodName: string): CanActivate[] {
    const classRefs = refs(Reflect.getMetadata(GUARDS, gateway.metatype));
    const methodRefs = refs(Reflect.getMetadata(GUARDS, gateway.metatype.prototype, methodName));
    return [
      ...this.global,
      ...[...classRefs, ...methodRefs].map((ref) => this.resolve(ref, gateway)),
    ];
  }

  private resolve(ref: EnhancerRef<CanActivate>, gateway: GatewayRef): CanActivate {
    if (typeof ref !== 'function') return ref;
    const cls = ref as Type<CanActivate>;
    const provided = this.provided(cls, gateway.moduleName);
    if (provided) return provided;
    let guard = this.built.get(cls);
    if (!guard) {
      guard = construct(cls, gateway);
      this.built.set(cls, guard);
    }
    return guard;
  }

  private provided(cls: Type<CanActivate>, moduleName: string): CanActivate | undefined {
    const candidates = this.discovery
      .getProviders()
      .filter((entry) => entry.metatype === cls && entry.instance instanceof cls);
    const local = candidates.find((entry) => entry.moduleName === moduleName) ?? candidates[0];
    return local?.instance as CanActivate | undefined;
  }
}

function refs(value: unknown): EnhancerRef<CanActivate>[] {
  return (value as EnhancerRef<CanActivate>[] | undefined) ?? [];
}

function construct(cls: Type<CanActivate>, gateway: GatewayRef): CanActivate {
  const params = (Reflect.getMetadata('design:paramtypes', cls) as unknown[] | undefined)?.length;
  if ((params ?? cls.length) > 0) {
    throw guardNotProvided(cls.name, gateway.metatype.name, gateway.moduleName);
  }
  return new cls();
}
