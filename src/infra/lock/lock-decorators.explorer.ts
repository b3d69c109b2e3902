/** Finds `@WithLock` methods at boot and wraps them with this app's lock. */
import type { OnModuleInit } from '#core';
import {
  type DiscoveredMethod,
  DiscoveryService,
  Inject,
  Injectable,
  LOCK,
  type Lock,
} from '#core';
import { compileKeyTemplate, type KeyOf } from '../cache/cache-key.js';
import { type LockKeySpec, WITH_LOCK_METADATA, type WithLockMetadata } from './lock.metadata.js';
import { withLock } from './with-lock.js';

type Method = (this: unknown, ...args: unknown[]) => unknown;

const WRAPPED = Symbol('keel:lock-wrapped');

/**
 * Replaces each decorated method on its instance (an own property shadowing the prototype), so
 * the decorator keeps no global state and two apps in one process never share a lock.
 */
@Injectable()
export class LockDecoratorsExplorer implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(LOCK) private readonly lock: Lock,
  ) {}

  /** Wraps every `@WithLock` method of every provider and controller. */
  onModuleInit(): void {
    const found = this.discovery.getMethodsWithMetadata<WithLockMetadata>(WITH_LOCK_METADATA);
    for (const method of found) this.replace(method);
  }

  private replace(found: DiscoveredMethod<WithLockMetadata>): void {
    const { instance, methodName } = found;
    const current = Reflect.get(instance, methodName) as
      | (Method & { [WRAPPED]?: true })
      | undefined;
    if (typeof current !== 'function' || current[WRAPPED]) return;
    const { lock } = this;
    const { options } = found.metadata;
    // The key template is compiled here, once per method; a call only fills it in.
    const keyOf = compileKey(found.metadata.key);
    const locked = function locked(this: unknown, ...args: unknown[]) {
      return withLock(lock, keyOf(args), () => current.apply(this, args), options);
    };
    Object.defineProperty(locked, WRAPPED, { value: true });
    Object.defineProperty(locked, 'name', { value: methodName });
    Object.defineProperty(instance, methodName, {
      value: locked,
      configurable: true,
      writable: true,
    });
  }
}

function compileKey(spec: LockKeySpec): KeyOf {
  if (typeof spec === 'string') return compileKeyTemplate(spec);
  const fn = spec as (...values: readonly unknown[]) => string;
  return (args) => fn(...args);
}
