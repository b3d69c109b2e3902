/** `@Scopes('users:write')`: the token needs all of these scopes (a method's list overrides its class's). */
import { SetMetadata } from '../http/enhancers/set-metadata.decorator.js';
import { SCOPES } from './auth-metadata.js';

/** Every one of `scopes` is required; a token missing one gets 403 FORBIDDEN. */
export function Scopes(...scopes: string[]): ClassDecorator & MethodDecorator {
  return SetMetadata(SCOPES, scopes);
}
