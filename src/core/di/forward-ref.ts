/** `forwardRef(() => X)`: refers to a class that is not defined yet (circular files or deps). */
import type { InjectionToken } from './injection-token.js';

const FORWARD_REF = Symbol('keel:forwardRef');

/** A deferred reference to a token or module. */
export interface ForwardRef<T = unknown> {
  readonly [FORWARD_REF]: true;
  readonly resolve: () => T;
}

/** Defers evaluation of `fn` until the kernel needs it. */
export function forwardRef<T>(fn: () => T): ForwardRef<T> {
  return { [FORWARD_REF]: true, resolve: fn };
}

/** True when `value` came from `forwardRef`. */
export function isForwardRef(value: unknown): value is ForwardRef {
  return typeof value === 'object' && value !== null && FORWARD_REF in value;
}

/** A token or a forward reference to one. */
export type TokenRef<T = unknown> = InjectionToken<T> | ForwardRef<InjectionToken<T>>;
