/** The Host check: an HTTP/1.1 request needs exactly one Host header, an HTTP/1.0 one at most one. */
import type { FastifyInstance } from 'fastify';
import { BadRequestError } from '../errors/http-errors.js';

// Node keeps the first of duplicated Host headers in `headers`; `rawHeaders` has them all.
function hostCount(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (name?.length === 4 && name.toLowerCase() === 'host') count++;
  }
  return count;
}

/**
 * Adds the onRequest hook that answers 400 BAD_REQUEST (and closes the connection) to a request
 * with two Host headers, or an HTTP/1.1 one with none. `serverOptions` turns off Node's own check
 * (`requireHostHeader`), whose 400 has an empty body, so this hook must be installed with it.
 */
export function installHostHeaderCheck(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const { raw } = request;
    const count = hostCount(raw.rawHeaders);
    if (raw.httpVersionMajor !== 1 || count === 1 || (count === 0 && raw.httpVersionMinor === 0)) {
      done();
      return;
    }
    reply.header('connection', 'close');
    done(new BadRequestError({ messageKey: 'errors.HOST_HEADER' }));
  });
}
