/** Metadata keys of the auth decorators, read with `Reflector` (method first, then class). */

/** `@Public()`: the route or gateway needs no token. */
export const IS_PUBLIC = Symbol('keel:public');
/** `@Roles(...)`: the principal needs one of these roles. */
export const ROLES = Symbol('keel:roles');
/** `@Scopes(...)`: the principal needs every one of these scopes. */
export const SCOPES = Symbol('keel:scopes');
