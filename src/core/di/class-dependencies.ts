/** Reads what a class's constructor needs: Keel's `@Inject`/`@Optional`, tsyringe's `@inject`, or the emitted types. */
import { missingMetadata, parameterPosition, unsupportedInjection } from './di-messages.js';
import type { TokenRef } from './forward-ref.js';
import type { InjectTokens } from './inject.decorator.js';
import type { Type } from './injection-token.js';
import { INJECT_TOKENS, OPTIONAL_PARAMS, TSYRINGE_TOKENS } from './metadata-keys.js';
import type { ModuleRecord } from './module-record.js';
import type { FactoryDependency } from './provider.js';

/** One constructor parameter or factory argument. */
export interface Dependency {
  ref: TokenRef;
  optional: boolean;
  position: string;
  /** The type TypeScript emitted, when no token was given (for the "untyped" message). */
  emitted?: unknown;
  /** The token tsyringe asks its container for at this position (class parameters only). */
  slot?: unknown;
}

/** The dependencies of `cls`, by position. */
export function classDependencies(cls: Type, host: ModuleRecord): Dependency[] {
  const paramTypes = Reflect.getMetadata('design:paramtypes', cls) as unknown[] | undefined;
  const keel = (Reflect.getMetadata(INJECT_TOKENS, cls) as InjectTokens | undefined) ?? new Map();
  const tsyringe =
    (Reflect.getOwnMetadata(TSYRINGE_TOKENS, cls) as Record<number, unknown> | undefined) ?? {};
  const optional =
    (Reflect.getMetadata(OPTIONAL_PARAMS, cls) as Set<number> | undefined) ?? new Set();
  const arity = paramTypes?.length ?? cls.length;
  if (!paramTypes && arity > 0 && keel.size < arity) throw missingMetadata(cls.name, host, arity);
  return Array.from({ length: arity }, (_, index) => {
    const theirs = tsyringeToken(tsyringe[index], cls, index);
    const given = keel.get(index) ?? (theirs?.token as TokenRef | undefined);
    const emitted = paramTypes?.[index];
    const dep: Dependency = {
      ref: (given ?? emitted) as TokenRef,
      optional: optional.has(index) || theirs?.optional === true,
      position: parameterPosition(index),
      slot: theirs?.token ?? emitted,
    };
    if (given === undefined) dep.emitted = emitted;
    return dep;
  });
}

interface TsyringeDescriptor {
  token: unknown;
  multiple?: boolean;
  isOptional?: boolean;
  transform?: unknown;
}

// tsyringe's `@inject(token)` stores `{ token, multiple: false, isOptional }`; Keel's `@Inject`
// stores the bare token (or a forwardRef placeholder). `@injectAll` and transforms have no
// module-visibility meaning, so they are refused with the fix.
function tsyringeToken(
  entry: unknown,
  cls: Type,
  index: number,
): { token: unknown; optional: boolean } | undefined {
  if (entry === undefined) return undefined;
  if (typeof entry !== 'object' || entry === null || !('token' in entry)) {
    return { token: entry, optional: false };
  }
  const descriptor = entry as TsyringeDescriptor;
  if (descriptor.multiple || descriptor.transform !== undefined) {
    throw unsupportedInjection(cls.name, parameterPosition(index));
  }
  return { token: descriptor.token, optional: descriptor.isOptional === true };
}

/** The dependency of a factory's `inject[index]`. */
export function factoryDependency(dep: FactoryDependency, index: number): Dependency {
  const position = `factory inject[${index}]`;
  if (typeof dep === 'object' && dep !== null && 'optional' in dep && 'token' in dep) {
    return { ref: dep.token, optional: true, position };
  }
  return { ref: dep as TokenRef, optional: false, position };
}
