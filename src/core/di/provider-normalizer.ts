/** Turns the provider forms users write into the kernel's `ProviderRecord`s. */
import { providerWithoutRecipe, providerWithoutToken, undefinedProvider } from './di-messages.js';
import { type InjectionToken, tokenName } from './injection-token.js';
import type { ModuleRecord, ProviderRecipe, ProviderRecord } from './module-record.js';
import type { Provider } from './provider.js';

/** A replacement registered by `createTestingModule(...).overrideProvider(token)`. */
export type Override =
  | { useValue: unknown }
  | { useClass: new (...args: never[]) => unknown }
  | { useFactory: (...args: never[]) => unknown; inject?: readonly InjectionToken[] };

/** Normalises one entry of `providers` (applying a testing override when one matches). */
export function normalizeProvider(
  provider: Provider,
  host: ModuleRecord,
  overrides: ReadonlyMap<InjectionToken, Override>,
): ProviderRecord {
  if (provider === undefined || provider === null) {
    throw undefinedProvider(host.name);
  }
  const token = (typeof provider === 'function' ? provider : provider.provide) as InjectionToken;
  if (token === undefined) {
    throw providerWithoutToken(host.name, describe(provider));
  }
  const override = overrides.get(token);
  const recipe = override
    ? recipeOf(override as Provider, host, token)
    : recipeOf(provider, host, token);
  return { token, recipe, host, role: 'provider', state: 'new' };
}

function recipeOf(provider: Provider, host: ModuleRecord, token: InjectionToken): ProviderRecipe {
  if (typeof provider === 'function') return { kind: 'class', useClass: provider };
  if ('useClass' in provider) return { kind: 'class', useClass: provider.useClass };
  if ('useValue' in provider) return { kind: 'value', useValue: provider.useValue };
  if ('useFactory' in provider) {
    return {
      kind: 'factory',
      useFactory: provider.useFactory as (...args: unknown[]) => unknown,
      inject: provider.inject ?? [],
    };
  }
  if ('useExisting' in provider) return { kind: 'existing', useExisting: provider.useExisting };
  throw providerWithoutRecipe(host.name, tokenName(token));
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
