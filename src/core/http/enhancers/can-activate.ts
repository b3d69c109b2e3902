/** Guards: decide whether a call may proceed (false means 403 FORBIDDEN). */
import type { ExecutionContext } from '../execution-context.js';

/** A guard; it may also throw its own HttpError (e.g. UnauthorizedError). */
export interface CanActivate {
  canActivate(context: ExecutionContext): boolean | Promise<boolean>;
}
