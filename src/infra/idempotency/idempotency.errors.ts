/** The responses of IdempotencyInterceptor when it does not run the handler (codes are public API). */
import {
  BadRequestError,
  ConflictError,
  ServiceUnavailableError,
  UnprocessableEntityError,
} from '#core';

/** 400 IDEMPOTENCY_KEY_REQUIRED: the route needs an `Idempotency-Key` header. */
export class IdempotencyKeyRequiredError extends BadRequestError {
  constructor() {
    super({ code: 'IDEMPOTENCY_KEY_REQUIRED', messageKey: 'idempotency.keyRequired' });
  }
}

/** 400 IDEMPOTENCY_KEY_INVALID: the header is not 1..255 visible ASCII characters. */
export class IdempotencyKeyInvalidError extends BadRequestError {
  constructor() {
    super({ code: 'IDEMPOTENCY_KEY_INVALID', messageKey: 'idempotency.keyInvalid' });
  }
}

/** 409 IDEMPOTENCY_IN_PROGRESS: the first request with this key is still running. */
export class IdempotencyInProgressError extends ConflictError {
  constructor() {
    super({
      code: 'IDEMPOTENCY_IN_PROGRESS',
      messageKey: 'idempotency.inProgress',
      headers: { 'retry-after': '1' },
    });
  }
}

/** 422 IDEMPOTENCY_KEY_REUSED: the key was already used for a different request. */
export class IdempotencyKeyReusedError extends UnprocessableEntityError {
  constructor() {
    super({ code: 'IDEMPOTENCY_KEY_REUSED', messageKey: 'idempotency.keyReused' });
  }
}

/** 503 SERVICE_UNAVAILABLE: keys cannot be checked, so the request is not run unprotected. */
export class IdempotencyStoreDownError extends ServiceUnavailableError {
  constructor(cause?: unknown) {
    super({ messageKey: 'idempotency.unavailable', headers: { 'retry-after': '1' }, cause });
  }
}
