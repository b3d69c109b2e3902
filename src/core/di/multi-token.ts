/** Multi-tokens: many providers (in any modules) register under one token and are collected. */
import type { AbstractType } from './injection-token.js';

// The mark lives on the token itself, so no registry is shared between apps (or tests).
const MULTI = Symbol('keel:multi-token');

/** A token whose providers are collected rather than resolved one by one. */
export type MultiToken<T> = AbstractType<T> & { readonly [MULTI]: true };

/** Creates a token whose providers are collected (`discovery.getMultiProviders(token)`). */
export function createMultiToken<T>(description: string): MultiToken<T> {
  const token = { [description]: class {} }[description] as object;
  Object.defineProperty(token, MULTI, { value: true });
  return token as MultiToken<T>;
}

/** True for tokens made by `createMultiToken`. */
export function isMultiToken(token: unknown): boolean {
  return typeof token === 'function' && MULTI in token;
}
