/** Fastify's log controller for Keel: one line per completed request, no "incoming" line. */
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { redactUrl } from './redact-url.js';
import { writeRequestLine } from './request-logger.js';

/** Which requests get a line: every one, only 4xx/5xx and slow ones, or none (`LOG_REQUESTS`). */
export type RequestLogMode = 'all' | 'errors' | 'off';

/** How requests are logged. */
export interface RequestLogOptions {
  /** Default `all`. */
  mode?: RequestLogMode;
  /** A request slower than this (ms) is logged at warn with `slow: true`, in `errors` mode too (default 1000). */
  slowMs?: number;
}

/** `LOG_SLOW_MS`'s default. */
export const DEFAULT_SLOW_MS = 1000;

/** Logs `{ requestId, method, url, statusCode, responseTime }` once each request completes. */
export class RequestLogController extends LogController {
  readonly #mode: RequestLogMode;
  readonly #slowMs: number;

  constructor(options: RequestLogOptions = {}) {
    // `requestId` is the label of the id bound to every line logged through `request.log`.
    super({ requestIdLogLabel: 'requestId' });
    this.#mode = options.mode ?? 'all';
    this.#slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  }

  /** Silent: the completion line carries everything, so one line per request is enough. */
  override incomingRequest(): void {}

  /** Writes the single access-log line of a request, unless the mode leaves it out. */
  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.#mode === 'off') return;
    const responseTime = Math.round(reply.elapsedTime * 100) / 100;
    const slow = responseTime > this.#slowMs;
    const failed = Boolean(error) || reply.statusCode >= 400;
    if (this.#mode === 'errors' && !failed && !slow) return;
    const line = {
      method: request.method,
      url: redactUrl(request.url),
      statusCode: reply.statusCode,
      responseTime,
    };
    if (error)
      reply.log.error({ ...line, ...(slow ? { slow } : {}), err: error }, 'request errored');
    else if (slow) reply.log.warn({ ...line, slow }, 'request completed');
    // The common line, written without pino's generic object walk when the logger allows it.
    else if (!writeRequestLine(reply.log, line)) reply.log.info(line, 'request completed');
  }
}
