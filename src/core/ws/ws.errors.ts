/** Errors raised by the WebSocket layer (sent as error frames or upgrade responses). */
import { HttpError, type HttpErrorOptions } from '../http/errors/http-error.js';
import { ForbiddenError } from '../http/errors/http-errors.js';
import { InvalidJsonError } from '../http/errors/request-errors.js';

/** UNKNOWN_EVENT: no `@Subscribe` handler for the frame's event. */
export class UnknownEventError extends HttpError {
  constructor(event: string, options: HttpErrorOptions = {}) {
    super(404, 'UNKNOWN_EVENT', { ...options, params: { event } });
  }
}

/** 403 FORBIDDEN before the upgrade: the `Origin` header is not in the allow-list. */
export class OriginNotAllowedError extends ForbiddenError {
  constructor(origin: string, options: HttpErrorOptions = {}) {
    super({ ...options, messageKey: 'errors.WS_ORIGIN_NOT_ALLOWED', params: { origin } });
  }
}

/** INVALID_JSON for a WebSocket frame (its message speaks of frames, not request bodies). */
export class InvalidFrameError extends InvalidJsonError {
  constructor(options: HttpErrorOptions = {}) {
    super({ ...options, messageKey: 'errors.WS_INVALID_JSON' });
  }
}
