/** Reflect-metadata keys the kernel's decorators write and the injector reads. */
import 'reflect-metadata';

export const MODULE_METADATA = Symbol('keel:module');
export const GLOBAL_MODULE = Symbol('keel:global');
export const INJECT_TOKENS = Symbol('keel:inject');
export const OPTIONAL_PARAMS = Symbol('keel:optional');
/** tsyringe's own key for `@inject` tokens by parameter index (what its container resolves). */
export const TSYRINGE_TOKENS = 'injectionTokens';
