/** `@Inject(TOKEN)`: injects a constructor parameter by token instead of by type. */
import { isForwardRef, type TokenRef } from './forward-ref.js';
import { INJECT_TOKENS, TSYRINGE_TOKENS } from './metadata-keys.js';

/** Tokens by parameter index, as stored on the class. */
export type InjectTokens = Map<number, TokenRef>;

/** Injects the parameter by `token` (required for interfaces; `forwardRef` for cycles). */
export function Inject(token: TokenRef): ParameterDecorator {
  return (target, _key, index) => {
    const tokens: InjectTokens = Reflect.getOwnMetadata(INJECT_TOKENS, target) ?? new Map();
    tokens.set(index, token);
    Reflect.defineMetadata(INJECT_TOKENS, tokens, target);
    // What tsyringe's container is asked for at this position; a forwardRef gets a placeholder
    // that the kernel fills with a stand-in once the cycle is known.
    const slots: Record<number, unknown> = Reflect.getOwnMetadata(TSYRINGE_TOKENS, target) ?? {};
    slots[index] = isForwardRef(token) ? Symbol(`forwardRef #${index}`) : token;
    Reflect.defineMetadata(TSYRINGE_TOKENS, slots, target);
  };
}
