/** `@CurrentUser()`: the authenticated principal (or one of its fields) as a handler argument. */
import { RequestContext } from '../context/request-context.js';
import { createParamDecorator } from '../http/decorators/create-param-decorator.js';
import type { Principal } from './principal.js';

/**
 * `@CurrentUser() user: Principal` or `@CurrentUser('sub') id: string`, on routes and gateway
 * handlers. Undefined on a `@Public()` route called without a token.
 */
export const CurrentUser = createParamDecorator<keyof Principal | undefined, unknown>((field) => {
  const principal = RequestContext.current()?.principal;
  return field === undefined ? principal : principal?.[field];
});
