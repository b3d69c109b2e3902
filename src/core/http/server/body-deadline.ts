/** The body receive deadline: a body still trickling in when it expires gets 408, on Node and Bun. */
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { RequestContext, type RequestContextData } from '../../context/request-context.js';
import { RequestTimeoutError } from '../errors/request-errors.js';

/** How long a body may take. */
export interface BodyDeadlineOptions {
  /** Milliseconds from the request's headers to its body's last byte; 0 turns it off. */
  timeoutMs: number;
}

// A client that does not read its 408 still loses the socket this long after the deadline.
const CLOSE_GRACE_MS = 1000;

function announcesBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

function closeLater(socket: Socket | null, reply: FastifyReply): void {
  const cut = () => socket?.destroy();
  if (reply.raw.writableFinished) {
    cut();
    return;
  }
  reply.raw.once('finish', cut);
  setTimeout(cut, CLOSE_GRACE_MS).unref();
}

function expire(request: FastifyRequest, reply: FastifyReply, payload: RequestPayload): void {
  closeLater(request.raw.socket, reply);
  if (reply.sent) return;
  reply.header('connection', 'close');
  // Fastify's body reader listens for `error` on the payload and answers it through the error
  // handler (the 408); destroying the request instead would destroy the socket and the answer.
  payload.emit('error', new RequestTimeoutError());
}

// The payload itself is watched (no extra stream per request): the timer stops when it ends.
function guard(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: RequestPayload,
  timeoutMs: number,
): void {
  const timer = setTimeout(() => expire(request, reply, payload), timeoutMs);
  const settle = () => clearTimeout(timer);
  payload.once('end', settle);
  payload.once('close', settle);
}

interface Pending {
  request: FastifyRequest;
  reply: FastifyReply;
  payload: RequestPayload;
  // The request's own context: the check runs in the first request's, and a 408 must carry
  // its own request's id and language.
  context: RequestContextData | undefined;
}

/**
 * Bodies announced by requests that began in this turn of the event loop, checked together once
 * the loop has read what their sockets hold (setImmediate). Nearly every body has arrived by
 * then (`complete`) and needs no timer; only the ones still arriving get one, for the whole
 * deadline from then. A timer and two listeners per request were a tenth of a small POST's CPU.
 */
class PendingBodies {
  #batch: Pending[] = [];
  readonly #check = () => {
    const batch = this.#batch;
    this.#batch = [];
    for (const { request, reply, payload, context } of batch) {
      const { raw } = request;
      if (raw.complete || raw.destroyed || reply.sent) continue;
      const arm = () => guard(request, reply, payload, this.timeoutMs);
      if (context) RequestContext.run(context, arm);
      else arm();
    }
  };

  constructor(private readonly timeoutMs: number) {}

  add(request: FastifyRequest, reply: FastifyReply, payload: RequestPayload): void {
    const context = RequestContext.current();
    if (this.#batch.push({ request, reply, payload, context }) === 1) setImmediate(this.#check);
  }
}

/**
 * Adds the preParsing hook that bounds how long a request body may take to arrive. Node's own
 * `requestTimeout` is only checked every 30 s, and Bun does not apply it to a trickled body; a
 * body that arrived in time, a long handler and a WebSocket upgrade are never cut.
 */
export function installBodyDeadline(fastify: FastifyInstance, options: BodyDeadlineOptions): void {
  const { timeoutMs } = options;
  if (!(timeoutMs > 0)) return;
  const pending = new PendingBodies(timeoutMs);
  fastify.addHook('preParsing', (request, reply, payload, done) => {
    if (announcesBody(request)) pending.add(request, reply, payload);
    done(null, payload);
  });
}
