/** Fastify's `clientErrorHandler`: requests the runtime cannot parse still get Keel's error body. */
import { randomUUID } from 'node:crypto';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyInstance } from 'fastify';
import { REQUEST_ID_HEADER } from '../../context/request-id.js';
import type { I18n } from '../../i18n/i18n.js';
import { currentI18n } from '../../i18n/translate.js';
import type { HttpError } from '../errors/http-error.js';
import { BadRequestError } from '../errors/http-errors.js';
import {
  HeaderFieldsTooLargeError,
  RequestTimeoutError,
  UriTooLongError,
} from '../errors/request-errors.js';
import { rawErrorResponse } from './error-body.js';

/** What the handler answers with. */
export interface ClientErrorOptions {
  /** The app's translator; messages are in its default language (there is no request to ask). */
  i18n?: I18n;
  /** Header that carries the generated request id (`x-request-id`). */
  requestIdHeader?: string;
}

// A method, a space and the start of a request target.
const REQUEST_LINE_START = /^[A-Z]{3,10} (?:\/|https?:\/\/)/;
const LINE_FEED = 0x0a;

// The runtime counts the request line in its header size limit. When the overflowing packet is a
// request's start and its first line has no end, or alone is over the limit, the URL is too long.
function requestLineOverflowed(rawPacket: unknown): boolean {
  if (!Buffer.isBuffer(rawPacket)) return false;
  if (!REQUEST_LINE_START.test(rawPacket.toString('latin1', 0, 20))) return false;
  const lineEnd = rawPacket.indexOf(LINE_FEED);
  return lineEnd === -1 || lineEnd > maxHeaderSize;
}

/** The HttpError for a connection-level parse error: 408, 414, 431, else 400. */
export function clientHttpError(error: ConnectionError): HttpError {
  const cause = { code: error.code };
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new RequestTimeoutError({ cause });
    case 'HPE_HEADER_OVERFLOW':
      return requestLineOverflowed(error.rawPacket)
        ? new UriTooLongError({ cause })
        : new HeaderFieldsTooLargeError({ cause });
    default:
      return new BadRequestError({ cause });
  }
}

// A response already on the wire must not get a second one spliced into it.
function responseStarted(socket: Socket): boolean {
  const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return current?.headersSent === true;
}

/**
 * Builds the `clientErrorHandler` Fastify option: writes `{ statusCode, code, message,
 * requestId }` as JSON with `Connection: close` (the parser cannot resync), then destroys the socket.
 */
export function createClientErrorHandler(
  options: ClientErrorOptions = {},
): (this: FastifyInstance, error: ConnectionError, socket: Socket) => void {
  const idHeader = options.requestIdHeader ?? REQUEST_ID_HEADER;
  return function keelClientError(this: FastifyInstance, error, socket) {
    // A reset or closed connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const i18n = options.i18n ?? currentI18n();
    const httpError = clientHttpError(error);
    const requestId = randomUUID();
    this.log.debug(
      {
        err: { code: error.code },
        statusCode: httpError.statusCode,
        code: httpError.code,
        requestId,
      },
      'client error',
    );
    if (socket.writable && !responseStarted(socket)) {
      const { status, headers, body } = rawErrorResponse(httpError, i18n, requestId, idHeader);
      const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head.join('')}\r\n${body}`);
    }
    socket.destroy();
  };
}
