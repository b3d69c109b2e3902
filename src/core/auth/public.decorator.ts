/** `@Public()`: opts a controller, route or gateway out of the global authentication guard. */
import { SetMetadata } from '../http/enhancers/set-metadata.decorator.js';
import { IS_PUBLIC } from './auth-metadata.js';

/** Callers need no token here; `@Public(false)` on a method re-protects one route of a public class. */
export function Public(isPublic = true): ClassDecorator & MethodDecorator {
  return SetMetadata(IS_PUBLIC, isPublic);
}
