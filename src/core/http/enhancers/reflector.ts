/** `Reflector`: reads `SetMetadata` values from a handler and its class. */
import { Injectable } from '../../di/injectable.decorator.js';

/** Injectable everywhere (the kernel registers it globally). */
@Injectable()
export class Reflector {
  /** The value under `key` on one target (a handler function or a class). */
  get<V>(key: string | symbol, target: object): V | undefined {
    return Reflect.getMetadata(key, target) as V | undefined;
  }

  /** The first defined value among `targets` (e.g. `[ctx.getHandler(), ctx.getClass()]`). */
  getAllAndOverride<V>(key: string | symbol, targets: readonly object[]): V | undefined {
    for (const target of targets) {
      const value = this.get<V>(key, target);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Arrays concatenated and objects merged across `targets`. */
  getAllAndMerge<V>(key: string | symbol, targets: readonly object[]): V[] {
    const merged: V[] = [];
    for (const target of targets) {
      const value = this.get<V | V[]>(key, target);
      if (value === undefined) continue;
      if (Array.isArray(value)) merged.push(...value);
      else merged.push(value);
    }
    return merged;
  }
}
