/** Interceptors: wrap a handler call (before, after, replace the result, time it). */
import type { ExecutionContext } from '../execution-context.js';

/** Calls the next interceptor or the handler. */
export interface CallHandler<T = unknown> {
  handle(): Promise<T>;
}

/** An interceptor; return `next.handle()` (possibly transformed) to go on. */
export interface Interceptor<T = unknown, R = unknown> {
  intercept(context: ExecutionContext, next: CallHandler<T>): Promise<R>;
}
