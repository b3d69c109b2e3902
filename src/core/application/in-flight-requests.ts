/** The requests an app is answering, so a shutdown can wait for them or cut them with a 503. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceUnavailableError } from '../http/errors/http-errors.js';

/** Tracks every request from `onRequest` until its response ends or the client aborts. */
export class InFlightRequests {
  readonly #replies = new Map<FastifyRequest, FastifyReply>();

  constructor(server: FastifyInstance) {
    server.addHook('onRequest', (request, reply, done) => {
      this.#replies.set(request, reply);
      done();
    });
    server.addHook('onResponse', (request, _reply, done) => {
      this.#replies.delete(request);
      done();
    });
    server.addHook('onRequestAbort', (request, done) => {
      this.#replies.delete(request);
      done();
    });
  }

  /** Requests whose response has not started yet. */
  get pending(): number {
    let count = 0;
    for (const reply of this.#replies.values()) if (writable(reply)) count += 1;
    return count;
  }

  /**
   * Answers every request still waiting for its handler with 503 SERVICE_UNAVAILABLE (the error
   * shape, through the error handler, with `Connection: close`); returns how many it cut.
   */
  cut(): number {
    let count = 0;
    for (const reply of this.#replies.values()) {
      if (!writable(reply)) continue;
      reply.header('connection', 'close').send(new ServiceUnavailableError());
      count += 1;
    }
    return count;
  }
}

// A reply already sent, or whose socket is gone, has nothing left to say.
function writable(reply: FastifyReply): boolean {
  return !reply.sent && !reply.raw.headersSent && !reply.raw.destroyed;
}
