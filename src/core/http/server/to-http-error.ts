/** Maps anything thrown during a request onto the HttpError family. */

import type { I18n } from '../../i18n/i18n.js';
import { HttpError } from '../errors/http-error.js';
import {
  BadRequestError,
  InternalError,
  ServiceUnavailableError,
  ValidationError,
} from '../errors/http-errors.js';
import {
  InvalidJsonError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../errors/request-errors.js';
import { type ValidatedInput, validationDetails } from './validation-details.js';

/** What validation messages need: the request's language and the parts that were validated. */
export interface ToHttpErrorOptions {
  lang: string;
  /** The validated request parts, so Zod messages name the type actually received. */
  input?: ValidatedInput;
  /** The app's translator (default: the current request's). */
  i18n?: I18n;
}

const BY_FASTIFY_CODE: Record<string, (cause: unknown) => HttpError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: (cause) => new InvalidJsonError({ cause }),
  FST_ERR_CTP_EMPTY_JSON_BODY: (cause) =>
    new InvalidJsonError({ messageKey: 'errors.EMPTY_JSON_BODY', cause }),
  FST_ERR_CTP_BODY_TOO_LARGE: (cause) => new PayloadTooLargeError({ cause }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (cause) => new UnsupportedMediaTypeError({ cause }),
};

/** The generic code of a client-error status that no specific error claimed. */
const GENERIC_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  417: 'EXPECTATION_FAILED',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
};

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
}

/**
 * The HttpError for `error`: itself; a validation failure (Fastify's or a thrown ZodError) as
 * VALIDATION_FAILED with details in `lang`; a mapped Fastify error; a generic 4xx; or INTERNAL.
 */
export function toHttpError(error: unknown, options: ToHttpErrorOptions): HttpError {
  if (error instanceof HttpError) return error;
  const details = validationDetails(error, options.lang, options.input, options.i18n);
  if (details !== undefined) return new ValidationError(details, { cause: error });
  const code = (error as { code?: unknown } | null)?.code;
  const mapped = typeof code === 'string' ? BY_FASTIFY_CODE[code] : undefined;
  if (mapped) return mapped(error);
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    const generic = GENERIC_CODES[status];
    if (generic !== undefined) return new HttpError(status, generic, { cause: error });
    return new BadRequestError({ cause: error });
  }
  if (status === 503) return new ServiceUnavailableError({ cause: error });
  return new InternalError({ cause: error });
}
