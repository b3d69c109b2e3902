/** Runs a keyed request once: replays the stored response, refuses reuse and concurrent runs. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pino } from 'pino';
import { z } from 'zod';
import {
  type CallHandler,
  type ExecutionContext,
  IDEMPOTENCY_STORE,
  type IdempotencyClaim,
  type IdempotencyStore,
  IdempotencyUnavailableError,
  Inject,
  Injectable,
  type Interceptor,
  LOGGER,
  type Logger,
  Optional,
  Reflector,
  RequestContext,
  type RouteTarget,
  type StoredResponse,
} from '#core';
import {
  IdempotencyInProgressError,
  IdempotencyKeyRequiredError,
  IdempotencyKeyReusedError,
  IdempotencyStoreDownError,
} from './idempotency.errors.js';
import { readIdempotencyKey, requestFingerprint, scopedKey } from './idempotency-key.js';
import { IDEMPOTENCY_OPTIONS, type ResolvedIdempotencyOptions } from './idempotency-options.js';
import { markPending } from './idempotency-pending.js';
import { IDEMPOTENT, type IdempotentOptions } from './idempotent.decorator.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ALWAYS_STORED = ['content-type', 'location'];

interface RouteSettings {
  required: boolean;
  retentionMs: number;
  headers: string[];
  /** No decorator: applies only because of `allUnsafeMethods`, to unsafe methods. */
  unsafeOnly: boolean;
}

/** Registered as `APP_INTERCEPTOR` by IdempotencyModule; `appliesTo` keeps it off other routes. */
@Injectable()
export class IdempotencyInterceptor implements Interceptor {
  // Decided once per handler: metadata never changes after boot.
  private readonly settings = new WeakMap<Function, RouteSettings | null>();
  private outage = false;

  constructor(
    private readonly reflector: Reflector,
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: ResolvedIdempotencyOptions,
    @Optional() @Inject(LOGGER) private readonly logger: Logger = pino({ level: 'warn' }),
  ) {}

  /** Routes with `@Idempotent`, or every route when `allUnsafeMethods` (the method is checked per request). */
  appliesTo(target: RouteTarget): boolean {
    return this.settingsOf(target.cls, target.handler) !== null;
  }

  /** 400, 409, 422 and 503, and the optional `Idempotency-Key` header. */
  describeRoute(_target: RouteTarget) {
    return {
      errors: [400, 409, 422, 503],
      headers: {
        'idempotency-key': z
          .string()
          .min(1)
          .max(255)
          .optional()
          .describe(
            'A unique value per operation: a retry with the same key is answered with the first response',
          ),
      },
    };
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const settings = this.settingsOf(context.getClass(), context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (settings === null || (settings.unsafeOnly && !UNSAFE.has(request.method))) {
      return next.handle();
    }
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    if (key === undefined) {
      if (settings.required) throw new IdempotencyKeyRequiredError();
      return next.handle();
    }
    const subject = RequestContext.current()?.principal?.sub ?? 'anonymous';
    const scoped = scopedKey(request, subject, key);
    const claim = await this.claim(scoped, requestFingerprint(request, subject));
    if (claim.state === 'in-progress') throw new IdempotencyInProgressError();
    if (claim.state === 'mismatch') throw new IdempotencyKeyReusedError();
    if (claim.state === 'completed')
      return replay(http.getResponse<FastifyReply>(), claim.response);
    markPending(request, {
      store: this.store,
      key: scoped,
      token: claim.token,
      retentionMs: settings.retentionMs,
      headers: settings.headers,
      settled: false,
    });
    return next.handle();
  }

  private async claim(key: string, fingerprint: string): Promise<IdempotencyClaim> {
    try {
      const claim = await this.store.claim(key, fingerprint, this.options.lockMs);
      this.outage = false;
      return claim;
    } catch (error) {
      if (!(error instanceof IdempotencyUnavailableError)) throw error;
      if (!this.outage) {
        this.outage = true;
        this.logger.warn(
          { component: 'idempotency', reason: error.message },
          'idempotency store unavailable: requests with an Idempotency-Key answer 503 until it returns',
        );
      }
      throw new IdempotencyStoreDownError(error);
    }
  }

  private settingsOf(cls: Function, handler: Function): RouteSettings | null {
    let known = this.settings.get(handler);
    if (known === undefined) {
      const route = this.reflector.getAllAndOverride<IdempotentOptions>(IDEMPOTENT, [handler, cls]);
      known = route === undefined && !this.options.allUnsafeMethods ? null : this.resolve(route);
      this.settings.set(handler, known);
    }
    return known;
  }

  private resolve(route: IdempotentOptions | undefined): RouteSettings {
    const extra = (route?.headers ?? []).map((name) => name.toLowerCase());
    return {
      required: route?.required ?? false,
      retentionMs: route?.retentionMs ?? this.options.retentionMs,
      headers: [...new Set([...ALWAYS_STORED, ...extra])],
      unsafeOnly: route === undefined,
    };
  }
}

// Sent here, so the compiled handler sees `reply.sent` and keeps the stored status as it is.
function replay(reply: FastifyReply, response: StoredResponse): FastifyReply {
  reply.code(response.statusCode);
  for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
  reply.header('idempotent-replayed', 'true');
  // The stored body is already serialized: the route's response schema must not run on it again.
  reply.serializer((payload: unknown) => payload as string);
  return reply.send(response.body);
}
