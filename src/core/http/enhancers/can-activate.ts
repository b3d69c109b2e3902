/** Guards: decide whether a call may proceed (false means 403 FORBIDDEN). */
import type { Type } from '../../di/injection-token.js';
import type { ExecutionContext } from '../execution-context.js';

/** How a guard shows in one route's OpenAPI operation. */
export interface GuardDocumentation {
  /** Error statuses the guard may answer (documented with the error shape). */
  errors: readonly number[];
  /** The operation's `security` requirements (`[]` marks a public route). */
  security?: ReadonlyArray<Record<string, string[]>>;
}

/** A guard; it may also throw its own HttpError (e.g. UnauthorizedError). */
export interface CanActivate {
  canActivate(context: ExecutionContext): boolean | Promise<boolean>;
  /** What the guard adds to a route's documentation; without it, 401 and 403 are documented. */
  describeRoute?(target: { cls: Type; handler: Function }): GuardDocumentation;
}
