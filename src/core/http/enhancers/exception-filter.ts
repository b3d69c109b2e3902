/** Exception filters: turn errors of the types in `@Catch(...)` into responses. */
import type { ExecutionContext } from '../execution-context.js';

/**
 * A filter either sends the reply itself (`ctx.switchToHttp().getResponse().send(...)`),
 * or returns/throws another error that the standard error handler then answers with.
 */
export interface ExceptionFilter<E = unknown> {
  catch(error: E, context: ExecutionContext): unknown;
}
