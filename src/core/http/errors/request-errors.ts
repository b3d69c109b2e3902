/** Kernel errors raised for malformed requests and unavailable dependencies. */
import { HttpError, type HttpErrorOptions } from './http-error.js';

/** 400 INVALID_JSON: unparsable body, or a `__proto__`/`constructor` key. */
export class InvalidJsonError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(400, 'INVALID_JSON', options);
  }
}

/** 404 ROUTE_NOT_FOUND: no route for this method and path (`params: { method, path }`). */
export class RouteNotFoundError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(404, 'ROUTE_NOT_FOUND', options);
  }
}

/** 413 PAYLOAD_TOO_LARGE: the body exceeds the body limit. */
export class PayloadTooLargeError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(413, 'PAYLOAD_TOO_LARGE', options);
  }
}

/** 415 UNSUPPORTED_MEDIA_TYPE: no parser for the request's Content-Type. */
export class UnsupportedMediaTypeError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(415, 'UNSUPPORTED_MEDIA_TYPE', options);
  }
}

/** 503 DATABASE_UNAVAILABLE: the database cannot be reached; retry later. */
export class DatabaseUnavailableError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(503, 'DATABASE_UNAVAILABLE', options);
  }
}
