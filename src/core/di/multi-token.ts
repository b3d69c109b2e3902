/** Multi-tokens: many providers (in any modules) register under one token and are collected. */
import type { TypedSymbol } from './injection-token.js';

const multiTokens = new Set<symbol>();

/** Creates a token whose providers are collected (`discovery.getMultiProviders(token)`). */
export function createMultiToken<T>(description: string): TypedSymbol<T> {
  const token = Symbol(description);
  multiTokens.add(token);
  return token as TypedSymbol<T>;
}

/** True for tokens made by `createMultiToken`. */
export function isMultiToken(token: unknown): token is symbol {
  return typeof token === 'symbol' && multiTokens.has(token);
}
