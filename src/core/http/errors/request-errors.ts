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

/** 408 REQUEST_TIMEOUT: the request (its body included) did not arrive within the deadline. */
export class RequestTimeoutError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(408, 'REQUEST_TIMEOUT', options);
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

/** 414 URI_TOO_LONG: the request line alone is over the runtime's header size limit. */
export class UriTooLongError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(414, 'URI_TOO_LONG', options);
  }
}

/** 417 EXPECTATION_FAILED: an `Expect` header other than `100-continue`. */
export class ExpectationFailedError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(417, 'EXPECTATION_FAILED', options);
  }
}

/** 431 REQUEST_HEADER_FIELDS_TOO_LARGE: the request line and headers are over the size limit. */
export class HeaderFieldsTooLargeError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', options);
  }
}

/** 503 DATABASE_UNAVAILABLE: the database cannot be reached; retry later. */
export class DatabaseUnavailableError extends HttpError {
  constructor(options: HttpErrorOptions = {}) {
    super(503, 'DATABASE_UNAVAILABLE', options);
  }
}
