/** Guards: decide whether a call may proceed (false means 403 FORBIDDEN). */
import type { z } from 'zod';
import type { Type } from '../../di/injection-token.js';
import type { ExecutionContext } from '../execution-context.js';

/** A route as enhancers see it at boot: its controller class and handler method. */
export interface RouteTarget {
  cls: Type;
  handler: Function;
}

/** How a guard or interceptor shows in one route's OpenAPI operation. */
export interface GuardDocumentation {
  /** Error statuses the guard may answer (documented with the error shape). */
  errors: readonly number[];
  /** The operation's `security` requirements (`[]` marks a public route). */
  security?: ReadonlyArray<Record<string, string[]>>;
  /** Request headers it reads, documented only (never validated): `{ 'idempotency-key': z.string() }`. */
  headers?: Readonly<Record<string, z.ZodType>>;
}

/** A guard; it may also throw its own HttpError (e.g. UnauthorizedError). */
export interface CanActivate {
  canActivate(context: ExecutionContext): boolean | Promise<boolean>;
  /** What the guard adds to a route's documentation; without it, 401 and 403 are documented. */
  describeRoute?(target: RouteTarget): GuardDocumentation;
  /**
   * Decided once per route at boot: false leaves the guard off that route entirely (an app-wide
   * guard for decorated routes only costs the others nothing). Without it the guard runs everywhere.
   */
  appliesTo?(target: RouteTarget): boolean;
}
