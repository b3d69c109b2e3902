/** Brute-force protection of password checks: failures counted per account and per client IP. */
import {
  ATTEMPT_LIMITER,
  type AttemptLimiter,
  type AttemptPolicy,
  Inject,
  Injectable,
} from '#core';
import { InvalidCredentialsError, TooManySignInAttemptsError } from './identity.errors.js';
import { IDENTITY_OPTIONS, type ResolvedIdentityOptions } from './identity-options.js';
import { KeyedQueue } from './keyed-queue.js';

/** Who is trying: the (lowercased) email and the client IP. */
export interface SignInAttempt {
  email: string;
  ip?: string | undefined;
}

/**
 * Wraps a password check: refuses with 429 while the account or the IP is blocked, counts a
 * failed check against both, and clears the account's count on success. Checks of one account
 * run one at a time in this process, so a burst of parallel guesses cannot all pass the
 * "not blocked yet" test before the first failures are counted.
 */
@Injectable()
export class SignInLimiter {
  private readonly queue = new KeyedQueue();
  private readonly accountPolicy: AttemptPolicy;
  private readonly ipPolicy: AttemptPolicy;

  constructor(
    @Inject(ATTEMPT_LIMITER) private readonly limiter: AttemptLimiter,
    @Inject(IDENTITY_OPTIONS) options: ResolvedIdentityOptions,
  ) {
    const windowMs = options.signIn.windowSeconds * 1000;
    this.accountPolicy = { limit: options.signIn.maxAttempts, windowMs };
    this.ipPolicy = { limit: options.signIn.ipMaxAttempts, windowMs };
  }

  /** Runs `check`; `undefined` from it is a failure (401 INVALID_CREDENTIALS). */
  attempt<T>(who: SignInAttempt, check: () => Promise<T | undefined>): Promise<T> {
    const accountKey = `signin:account:${who.email}`;
    const ipKey = who.ip === undefined ? undefined : `signin:ip:${who.ip}`;
    return this.queue.run(accountKey, async () => {
      await this.refuseWhileBlocked(accountKey, ipKey);
      const result = await check();
      if (result === undefined) {
        await Promise.all([
          this.limiter.fail(accountKey, this.accountPolicy),
          ipKey && this.limiter.fail(ipKey, this.ipPolicy),
        ]);
        throw new InvalidCredentialsError();
      }
      await this.limiter.reset(accountKey);
      return result;
    });
  }

  private async refuseWhileBlocked(accountKey: string, ipKey: string | undefined): Promise<void> {
    const [account, ip] = await Promise.all([
      this.limiter.peek(accountKey, this.accountPolicy),
      ipKey ? this.limiter.peek(ipKey, this.ipPolicy) : undefined,
    ]);
    const retryAfterMs = Math.max(
      account.blocked ? account.retryAfterMs : 0,
      ip?.blocked ? ip.retryAfterMs : 0,
    );
    if (retryAfterMs > 0) throw new TooManySignInAttemptsError(retryAfterMs);
  }
}
