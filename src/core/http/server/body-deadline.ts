/** The body receive deadline: a body still trickling in when it expires gets 408, on Node and Bun. */
import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RequestTimeoutError } from '../errors/request-errors.js';

/** How long a body may take. */
export interface BodyDeadlineOptions {
  /** Milliseconds from the request's headers to its body's last byte; 0 turns it off. */
  timeoutMs: number;
}

// A client that does not read its 408 still loses the socket this long after the deadline.
const CLOSE_GRACE_MS = 1000;

const ignore = (): void => undefined;

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

function expire(request: FastifyRequest, reply: FastifyReply, body: PassThrough): void {
  closeLater(request.raw.socket, reply);
  if (reply.sent) return;
  reply.header('connection', 'close');
  // Fastify's body parser reads `body`: the error reaches the error handler as the 408 answer.
  if (body.listenerCount('error') === 0) body.on('error', ignore);
  body.destroy(new RequestTimeoutError());
}

// The body passes through a stream the deadline can fail without destroying the socket (which
// destroying the request itself would do), so the client still gets its 408.
function guard(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: NodeJS.ReadableStream,
  timeoutMs: number,
): PassThrough {
  const body = new PassThrough();
  const timer = setTimeout(() => expire(request, reply, body), timeoutMs);
  const settle = () => clearTimeout(timer);
  body.once('finish', settle);
  body.once('close', settle);
  payload.once('error', (error: Error) => body.destroy(error));
  payload.once('close', () => {
    if (!body.writableEnded) body.destroy();
  });
  payload.pipe(body);
  return body;
}

/**
 * Adds the preParsing hook that bounds how long a request body may take to arrive. Node's own
 * `requestTimeout` is only checked every 30 s, and Bun does not apply it to a trickled body; a
 * body that arrived in time, a long handler and a WebSocket upgrade are never cut.
 */
export function installBodyDeadline(fastify: FastifyInstance, options: BodyDeadlineOptions): void {
  const { timeoutMs } = options;
  if (!(timeoutMs > 0)) return;
  fastify.addHook('preParsing', (request, reply, payload, done) => {
    if (!announcesBody(request)) {
      done(null, payload);
      return;
    }
    done(null, guard(request, reply, payload, timeoutMs));
  });
}
