/** `@HttpCode(code)`: the status of a successful response. */
import { HTTP_CODE } from '../metadata-keys.js';

/** Overrides the default status (201 for POST, 204 for an empty DELETE, else 200). */
export function HttpCode(statusCode: number): MethodDecorator {
  return (target, key) => {
    Reflect.defineMetadata(HTTP_CODE, statusCode, target, key);
  };
}
