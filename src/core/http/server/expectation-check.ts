/** The `Expect` check: the runtime's own 417 has an empty body; Keel answers it in its error shape. */
import type { FastifyInstance } from 'fastify';
import { createGenReqId, REQUEST_ID_HEADER } from '../../context/request-id.js';
import type { I18n } from '../../i18n/i18n.js';
import { ExpectationFailedError } from '../errors/request-errors.js';
import { rawErrorResponse } from './error-body.js';

/** What the 417 is written with. */
export interface ExpectationCheckOptions {
  /** The app's translator; the message is in its default language. */
  i18n: I18n;
  /** Header read for (and echoed with) the request id (`x-request-id`). */
  requestIdHeader?: string;
}

/**
 * Answers a request whose `Expect` is not `100-continue` with 417 EXPECTATION_FAILED and
 * `Connection: close`, before Fastify routes it (Node and Bun emit `checkExpectation` for it).
 */
export function installExpectationCheck(
  fastify: FastifyInstance,
  options: ExpectationCheckOptions,
): void {
  const header = options.requestIdHeader ?? REQUEST_ID_HEADER;
  const requestIdOf = createGenReqId(header);
  const { i18n } = options;
  fastify.server.on('checkExpectation', (request, response) => {
    const error = new ExpectationFailedError();
    const raw = rawErrorResponse(error, i18n, requestIdOf(request), header);
    response.writeHead(raw.status, raw.headers);
    response.end(raw.body);
  });
}
