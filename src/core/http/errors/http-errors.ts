/** The kernel's HttpError family; codes are public API (DESIGN.md "Wire formats"). */
import { HttpError, type HttpErrorOptions } from './http-error.js';

/** 400 BAD_REQUEST. */
export class BadRequestError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(400, 'BAD_REQUEST', options);
  }
}

/** 400 VALIDATION_FAILED with `details: [{ path, message }]`. */
export class ValidationError extends HttpError {
  constructor(details: Array<{ path: string; message: string }>, options: HttpErrorOptions = {}) {
    super(400, 'VALIDATION_FAILED', { ...options, details });
  }
}

/** 401 UNAUTHORIZED. */
export class UnauthorizedError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(401, 'UNAUTHORIZED', options);
  }
}

/** 403 FORBIDDEN. */
export class ForbiddenError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(403, 'FORBIDDEN', options);
  }
}

/** 404 NOT_FOUND. */
export class NotFoundError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(404, 'NOT_FOUND', options);
  }
}

/** 409 CONFLICT. */
export class ConflictError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(409, 'CONFLICT', options);
  }
}

/** 422 UNPROCESSABLE_ENTITY. */
export class UnprocessableEntityError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(422, 'UNPROCESSABLE_ENTITY', options);
  }
}

/** 429 TOO_MANY_REQUESTS. */
export class TooManyRequestsError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(429, 'TOO_MANY_REQUESTS', options);
  }
}

/** 500 INTERNAL: the message is always generic; the cause goes to the log only. */
export class InternalError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(500, 'INTERNAL', options);
  }
}

/** 503 SERVICE_UNAVAILABLE. */
export class ServiceUnavailableError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(503, 'SERVICE_UNAVAILABLE', options);
  }
}
