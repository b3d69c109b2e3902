/** Injection tokens: a class (injected by type) or a symbol naming an interface. */

declare const tokenType: unique symbol;

/** A constructor of T. */
// biome-ignore lint/suspicious/noExplicitAny: constructor parameters are unknown by design
export type Type<T = unknown> = new (...args: any[]) => T;

/** An abstract class of T (usable as a token, never constructed). */
// biome-ignore lint/suspicious/noExplicitAny: constructor parameters are unknown by design
export type AbstractType<T = unknown> = abstract new (...args: any[]) => T;

/** A symbol that carries the type it stands for, e.g. `Symbol('Cache') as InjectionToken<Cache>`. */
export type TypedSymbol<T> = symbol & { readonly [tokenType]?: T };

/** What `@Inject`, `app.get` and provider `provide` accept. */
export type InjectionToken<T = unknown> = TypedSymbol<T> | Type<T> | AbstractType<T>;

/** Creates a typed symbol token: `export const CACHE = createToken<Cache>('Cache')`. */
export function createToken<T>(description: string): TypedSymbol<T> {
  return Symbol(description) as TypedSymbol<T>;
}

/** A readable name for a token, used in every error message. */
export function tokenName(token: unknown): string {
  if (typeof token === 'function') return token.name || 'anonymous class';
  if (typeof token === 'symbol') return token.description ?? token.toString();
  if (typeof token === 'string') return `'${token}'`;
  return String(token);
}
