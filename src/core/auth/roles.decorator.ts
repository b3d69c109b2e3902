/** `@Roles('admin')`: the principal needs one of these roles (a method's list overrides its class's). */
import { SetMetadata } from '../http/enhancers/set-metadata.decorator.js';
import { ROLES } from './auth-metadata.js';

/** Any one of `roles` admits the caller; others get 403 FORBIDDEN. */
export function Roles(...roles: string[]): ClassDecorator & MethodDecorator {
  return SetMetadata(ROLES, roles);
}
