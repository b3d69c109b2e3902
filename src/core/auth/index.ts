/** Authentication primitives of the kernel: the principal and the decorators guards read. */
export { IS_PUBLIC, ROLES, SCOPES } from './auth-metadata.js';
export { CurrentUser } from './current-user.decorator.js';
export type { Principal } from './principal.js';
export { Public } from './public.decorator.js';
export { Roles } from './roles.decorator.js';
export { Scopes } from './scopes.decorator.js';
