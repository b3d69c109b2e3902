/** The rate-limit guard: counts each call of a limited route, sets the RateLimit headers, answers 429. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pino } from 'pino';
import {
  type CanActivate,
  createToken,
  type ExecutionContext,
  type GuardDocumentation,
  Inject,
  Injectable,
  LOGGER,
  type Logger,
  Optional,
  RATE_LIMIT_STORE,
  type RateLimitDecision,
  type RateLimitStore,
  RateLimitUnavailableError,
  Reflector,
  RequestContext,
  type RouteTarget,
  ServiceUnavailableError,
  TooManyRequestsError,
} from '#core';
import { RATE_LIMIT_METADATA, type RateLimitMetadata } from './rate-limit.decorator.js';
import { type RateLimitSettings, type ResolvedPolicy, resolvePolicy } from './rate-limit-policy.js';

/** The settings `RateLimitModule.forRoot` gives the guard. */
export const RATE_LIMIT_SETTINGS = createToken<RateLimitSettings>('RateLimitSettings');

/** `Retry-After` (seconds) of a 503 while the store is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/**
 * Registered as `APP_GUARD` by RateLimitModule; applies only to limited routes (decorated, or all
 * with a default policy). Every answer of a limited route carries `RateLimit-Policy` and
 * `RateLimit` (draft-ietf-httpapi-ratelimit-headers-10); a refusal is 429 with `Retry-After`.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly policies = new WeakMap<Function, ResolvedPolicy | null>();
  private outage = false;

  constructor(
    private readonly reflector: Reflector,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @Inject(RATE_LIMIT_SETTINGS) private readonly settings: RateLimitSettings,
    @Optional() @Inject(LOGGER) private readonly logger: Logger = pino({ level: 'warn' }),
  ) {}

  /** Limited routes only; resolving here makes an unknown policy name fail at boot. */
  appliesTo(target: RouteTarget): boolean {
    return this.policyOf(target) !== undefined;
  }

  /** 429, and 503 when the store being unavailable refuses requests. */
  describeRoute(target: RouteTarget): GuardDocumentation {
    const policy = this.policyOf(target);
    return { errors: policy && !policy.failOpen ? [429, 503] : [429] };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() === 'ws') return true;
    const policy = this.policyOf({ cls: context.getClass(), handler: context.getHandler() });
    if (!policy) return true;
    const decision = await this.consume(policy, context);
    if (!decision) return true;
    const headers = {
      'ratelimit-policy': policy.policyHeader,
      ratelimit: `${policy.quotedName};r=${decision.remaining};t=${Math.ceil(decision.resetMs / 1000)}`,
    };
    context.switchToHttp().getResponse<FastifyReply>().headers(headers);
    if (decision.allowed) return true;
    const retryAfter = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    throw new TooManyRequestsError({ headers: { ...headers, 'retry-after': retryAfter } });
  }

  // The decision, or undefined to let the call through while the store is away (failOpen).
  private async consume(policy: ResolvedPolicy, context: ExecutionContext) {
    let decision: RateLimitDecision;
    try {
      decision = await this.store.consume(`${policy.name}:${keyOf(policy, context)}`, policy);
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableError)) throw error;
      this.reportOutage(error);
      if (policy.failOpen) return undefined;
      const headers = { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_S) };
      throw new ServiceUnavailableError({ headers, cause: error });
    }
    if (this.outage) this.reportRecovery();
    return decision;
  }

  private reportOutage(error: RateLimitUnavailableError): void {
    if (this.outage) return;
    this.outage = true;
    this.logger.warn(
      { component: 'rate-limit', err: error },
      'rate-limit store unavailable: limited routes fail open or answer 503 (per policy) until it returns',
    );
  }

  private reportRecovery(): void {
    this.outage = false;
    this.logger.info({ component: 'rate-limit' }, 'rate-limit store is back: routes limited again');
  }

  private policyOf(target: RouteTarget): ResolvedPolicy | undefined {
    let known = this.policies.get(target.handler);
    if (known === undefined) {
      const meta = this.reflector.getAllAndOverride<RateLimitMetadata>(RATE_LIMIT_METADATA, [
        target.handler,
        target.cls,
      ]);
      known = resolvePolicy(meta, target, this.settings) ?? null;
      this.policies.set(target.handler, known);
    }
    return known ?? undefined;
  }
}

/** Whose count a call is: `u:<sub>`, `ip:<address>` or `k:<custom>`. */
function keyOf(policy: ResolvedPolicy, context: ExecutionContext): string {
  const { key } = policy;
  if (typeof key === 'function') return `k:${key(context)}`;
  if (key === 'user') {
    const subject = RequestContext.current()?.principal?.sub;
    if (subject !== undefined) return `u:${subject}`;
  }
  return `ip:${context.switchToHttp().getRequest<FastifyRequest>().ip}`;
}
