/** Fastify hooks that store what a keyed request actually sent (status and serialized body). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pino } from 'pino';
import {
  type ConfiguresServer,
  Inject,
  Injectable,
  LOGGER,
  type Logger,
  Optional,
  type StoredResponse,
} from '#core';
import { type PendingRun, pendingOf } from './idempotency-pending.js';

/**
 * The interceptor cannot see the final status or the serialized body (the error handler and the
 * serializer run after it), so `onSend` settles the claim: below 500 the response is stored
 * before it leaves; 500 and up (or a body that is not a string) releases it, so a retry runs
 * again. `onResponse`/`onRequestAbort` release a claim nothing settled.
 */
@Injectable()
export class IdempotencyRecorder implements ConfiguresServer {
  constructor(
    @Optional() @Inject(LOGGER) private readonly logger: Logger = pino({ level: 'warn' }),
  ) {}

  configureServer(server: FastifyInstance): void {
    server.addHook('onSend', async (request, reply, payload) => {
      const run = pendingOf(request);
      if (run !== undefined) await this.settle(run, reply, payload);
      return payload;
    });
    const release = async (request: FastifyRequest) => {
      const run = pendingOf(request);
      if (run !== undefined) await this.release(run);
    };
    server.addHook('onResponse', release);
    server.addHook('onRequestAbort', release);
  }

  private async settle(run: PendingRun, reply: FastifyReply, payload: unknown): Promise<void> {
    const statusCode = reply.statusCode;
    if (statusCode >= 500 || (typeof payload !== 'string' && payload != null)) {
      await this.release(run);
      return;
    }
    run.settled = true;
    const response: StoredResponse = {
      statusCode,
      headers: storedHeaders(reply, run.headers),
      body: payload ?? '',
    };
    try {
      await run.store.complete(run.key, run.token, response, run.retentionMs);
    } catch (error) {
      // The response still goes out; the claim lapses after lockMs and a retry then runs again.
      this.logger.warn(
        { component: 'idempotency', err: error },
        'idempotency: response not stored',
      );
    }
  }

  private async release(run: PendingRun): Promise<void> {
    run.settled = true;
    try {
      await run.store.release(run.key, run.token);
    } catch (error) {
      this.logger.warn({ component: 'idempotency', err: error }, 'idempotency: claim not released');
    }
  }
}

function storedHeaders(reply: FastifyReply, names: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = reply.getHeader(name);
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}
