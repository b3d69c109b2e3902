/** `@Idempotent()`: a route that honours the `Idempotency-Key` header (one run per key). */
import { SetMetadata } from '#core';

/** What a route says about its idempotency keys. */
export interface IdempotentOptions {
  /** A request without `Idempotency-Key` answers 400 IDEMPOTENCY_KEY_REQUIRED. Default false. */
  required?: boolean;
  /** How long the response is kept for retries. Default the module's `retentionMs`. */
  retentionMs?: number;
  /** Response headers replayed besides `content-type` and `location` (any case). */
  headers?: string[];
}

/** Metadata key `@Idempotent` writes and `IdempotencyInterceptor` reads. */
export const IDEMPOTENT = Symbol('keel:idempotent');

/** Marks a handler (or every handler of a controller) as idempotent by key. */
export function Idempotent(options: IdempotentOptions = {}): ClassDecorator & MethodDecorator {
  return SetMetadata(IDEMPOTENT, options);
}
