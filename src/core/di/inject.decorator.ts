/** `@Inject(TOKEN)`: injects a constructor parameter by token instead of by type. */
import type { TokenRef } from './forward-ref.js';
import { INJECT_TOKENS } from './metadata-keys.js';

/** Tokens by parameter index, as stored on the class. */
export type InjectTokens = Map<number, TokenRef>;

/** Injects the parameter by `token` (required for interfaces; `forwardRef` for cycles). */
export function Inject(token: TokenRef): ParameterDecorator {
  return (target, _key, index) => {
    const tokens: InjectTokens = Reflect.getOwnMetadata(INJECT_TOKENS, target) ?? new Map();
    tokens.set(index, token);
    Reflect.defineMetadata(INJECT_TOKENS, tokens, target);
  };
}
