/** Puts the current request's id on lines written during a request, once. */
import type { Logger } from 'pino';
import { pino } from 'pino';
import { RequestContext } from '../context/request-context.js';

const { chindingsSym } = pino.symbols;
const BOUND_REQUEST_ID = ',"requestId":';
// Returned when there is nothing to add, so the merge below can skip copying the line's fields.
const NOTHING: Record<string, unknown> = Object.freeze({});

/**
 * pino `mixin`: `{ requestId }` inside a request context, unless the logger already binds it
 * (Fastify's request loggers and their children do: adding it again would write the key twice;
 * pino keeps bindings as a JSON fragment, each top-level key after a comma).
 */
export function requestIdMixin(
  _merge: object,
  _level: number,
  logger: Logger,
): Record<string, unknown> {
  const bindings = (logger as unknown as Record<symbol, string | undefined>)[chindingsSym];
  if (bindings?.includes(BOUND_REQUEST_ID)) return NOTHING;
  const context = RequestContext.current();
  return context ? { requestId: context.requestId } : NOTHING;
}

/** pino `mixinMergeStrategy`: its default (the line's fields win), without a copy when the mixin adds nothing. */
export function mergeRequestId(merge: object, mixin: object): object {
  return mixin === NOTHING ? merge : Object.assign(mixin, merge);
}
