/** The HttpError family: the base class and the kernel's subclasses. */
export { HttpError, type HttpErrorOptions } from './http-error.js';
export {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InternalError,
  NotFoundError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
  ValidationError,
} from './http-errors.js';
export {
  DatabaseUnavailableError,
  ExpectationFailedError,
  HeaderFieldsTooLargeError,
  InvalidJsonError,
  PayloadTooLargeError,
  RequestTimeoutError,
  RouteNotFoundError,
  UnsupportedMediaTypeError,
  UriTooLongError,
} from './request-errors.js';
