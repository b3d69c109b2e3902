/** Provider forms accepted in `@Module({ providers })` and dynamic modules. */
import type { ForwardRef } from './forward-ref.js';
import type { InjectionToken, Type } from './injection-token.js';

/** `{ provide, useClass }`: construct `useClass` under the token `provide`. */
export interface ClassProvider<T = unknown> {
  provide: InjectionToken<T>;
  useClass: Type<T>;
}

/** `{ provide, useValue }`: a ready value. */
export interface ValueProvider<T = unknown> {
  provide: InjectionToken<T>;
  useValue: T;
}

/** A dependency of a factory: a token, or `{ token, optional: true }`. */
export type FactoryDependency =
  | InjectionToken
  | ForwardRef<InjectionToken>
  | { token: InjectionToken; optional: true };

/** `{ provide, useFactory, inject }`: the factory may be async; it is awaited at boot. */
export interface FactoryProvider<T = unknown> {
  provide: InjectionToken<T>;
  // biome-ignore lint/suspicious/noExplicitAny: factory arguments follow `inject`
  useFactory: (...args: any[]) => T | Promise<T>;
  inject?: readonly FactoryDependency[];
}

/** `{ provide, useExisting }`: an alias of another visible token. */
export interface ExistingProvider<T = unknown> {
  provide: InjectionToken<T>;
  useExisting: InjectionToken<T>;
}

/** Any provider form; a bare class is `{ provide: X, useClass: X }`. */
export type Provider<T = unknown> =
  | Type<T>
  | ClassProvider<T>
  | ValueProvider<T>
  | FactoryProvider<T>
  | ExistingProvider<T>;
