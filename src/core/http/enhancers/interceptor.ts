/** Interceptors: wrap a handler call (before, after, replace the result, time it). */
import type { z } from 'zod';
import type { ExecutionContext } from '../execution-context.js';
import type { GuardDocumentation, RouteTarget } from './can-activate.js';

/** Calls the next interceptor or the handler. */
export interface CallHandler<T = unknown> {
  handle(): Promise<T>;
}

/** An interceptor; return `next.handle()` (possibly transformed) to go on. */
export interface Interceptor<T = unknown, R = unknown> {
  intercept(context: ExecutionContext, next: CallHandler<T>): Promise<R>;
  /**
   * Declares the envelope `intercept` wraps results in: given the route's 2xx schema (what the
   * handler returns) it returns the schema of what the client gets, e.g.
   * `(inner) => z.object({ data: inner })`. Applied at boot to every 2xx response schema of the
   * routes it wraps, innermost interceptor first, so the envelope is validated, serialized and
   * documented; the handler's return type is still checked against the inner schema.
   */
  responseSchema?(inner: z.ZodType): z.ZodType;
  /** Error statuses and request headers it adds to the route's documentation. */
  describeRoute?(target: RouteTarget): Omit<GuardDocumentation, 'security'>;
  /** Decided once per route at boot: false leaves the interceptor off that route. */
  appliesTo?(target: RouteTarget): boolean;
}
