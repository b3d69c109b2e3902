/** Fastify's log controller for Keel: one line per completed request, no "incoming" line. */
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { redactUrl } from './redact-url.js';

/** Logs `{ requestId, method, url, statusCode, durationMs }` once each request completes. */
export class RequestLogController extends LogController {
  constructor() {
    // `requestId` is the label of the id bound to every line logged through `request.log`.
    super({ requestIdLogLabel: 'requestId' });
  }

  /** Silent: the completion line carries everything, so one line per request is enough. */
  override incomingRequest(): void {}

  /** Writes the single access-log line of a request. */
  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      url: redactUrl(request.url),
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
