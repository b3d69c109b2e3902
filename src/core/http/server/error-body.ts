/** `errorBody(error, lang, requestId)`: the translated wire body of any error (HTTP and WS). */
import type { I18n } from '../../i18n/i18n.js';
import { currentI18n } from '../../i18n/translate.js';
import type { HttpError } from '../errors/http-error.js';
import type { ErrorBody } from './error-body.schema.js';
import { toHttpError } from './to-http-error.js';
import type { ValidatedInput } from './validation-details.js';

/** Extra inputs of `errorBody`. */
export interface ErrorBodyOptions {
  /** Hide details of 5xx errors (production). Default: `NODE_ENV === 'production'`. */
  production?: boolean;
  /** The validated request parts, so Zod messages name the type actually received. */
  input?: ValidatedInput;
  /** The app's translator (default: the current request's, else the kernel's messages). */
  i18n?: I18n;
}

/** Maps any error to `{ statusCode, code, message, details?, requestId }` in `lang`. */
export function errorBody(
  error: unknown,
  lang: string,
  requestId: string,
  options: ErrorBodyOptions = {},
): ErrorBody {
  const i18n = options.i18n ?? currentI18n();
  const httpError = toHttpError(error, {
    lang,
    i18n,
    ...(options.input ? { input: options.input } : {}),
  });
  const { statusCode, code } = httpError;
  const message = i18n.t(httpError.messageKey, httpError.params, lang);
  const production = options.production ?? process.env.NODE_ENV === 'production';
  if (httpError.details === undefined || (production && statusCode >= 500)) {
    return { statusCode, code, message, requestId };
  }
  return { statusCode, code, message, details: httpError.details, requestId };
}

/** An error answered without Fastify (the request could not be parsed, or never got routed). */
export interface RawErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The response for `error` written straight to the socket: the error body in the app's default
 * language (there is no request to ask), the request id echoed, and `Connection: close`.
 */
export function rawErrorResponse(
  error: HttpError,
  i18n: I18n,
  requestId: string,
  requestIdHeader: string,
): RawErrorResponse {
  const body = JSON.stringify(errorBody(error, i18n.defaultLang, requestId, { i18n }));
  return {
    status: error.statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      [requestIdHeader.toLowerCase()]: requestId,
      connection: 'close',
    },
    body,
  };
}
