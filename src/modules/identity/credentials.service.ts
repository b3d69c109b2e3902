/** Email + password: sign-up, sign-in (brute-force limited) and password change. */
import { Injectable, type Principal } from '#core';
import { UniqueViolation, UnitOfWork } from '#infra/database';
import { AccountRepository } from './account.repository.js';
import { AccountGoneError, EmailTakenError } from './identity.errors.js';
import type { ChangePassword, SignedUp, SignIn, SignUp } from './identity.schemas.js';
import type { SessionMeta, TokenPair } from './identity.types.js';
import { isUuid } from './is-uuid.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionService } from './session.service.js';
import { SignInLimiter } from './sign-in-limiter.js';

/** The password flows; sessions and tokens come from `SessionService`. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly limiter: SignInLimiter,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Creates the account and its first session in one transaction; 409 EMAIL_TAKEN. */
  async signUp(input: SignUp, meta: SessionMeta = {}): Promise<SignedUp> {
    const email = normalizeEmail(input.email);
    // Hashed before the email is looked at: a taken email costs the same argon2 work as a new one.
    const passwordHash = await this.hasher.hash(input.password);
    return this.unitOfWork.transaction(async () => {
      const row = await this.accounts
        .create({ email, name: input.name, passwordHash })
        .catch(rethrowEmailTaken);
      const { accessToken, refreshToken, expiresIn } = await this.sessions.open(row, meta);
      return {
        user: { id: row.id, email: row.email, name: row.name },
        accessToken,
        refreshToken,
        expiresIn,
      };
    });
  }

  /** A new session for the right email and password; 401 INVALID_CREDENTIALS or 429. */
  async signIn(input: SignIn, meta: SessionMeta = {}): Promise<TokenPair> {
    const email = normalizeEmail(input.email);
    const row = await this.limiter.attempt({ email, ip: meta.ip }, async () => {
      const found = await this.accounts.findByEmail(email);
      // An unknown email is checked against the dummy hash: same work, same answer.
      const ok = await this.hasher.verify(found?.passwordHash, input.password);
      return ok ? found : undefined;
    });
    return this.sessions.open(row, meta);
  }

  /** Checks the current password, stores the new one, revokes every other session. */
  async changePassword(
    principal: Principal,
    input: ChangePassword,
    meta: SessionMeta = {},
  ): Promise<void> {
    await this.sessions.assertActive(principal);
    const account = isUuid(principal.sub) ? await this.accounts.findById(principal.sub) : undefined;
    if (!account) throw new AccountGoneError();
    await this.limiter.attempt({ email: account.email, ip: meta.ip }, async () =>
      (await this.hasher.verify(account.passwordHash, input.currentPassword)) ? true : undefined,
    );
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.unitOfWork.transaction(async () => {
      await this.accounts.update(account.id, { passwordHash });
      await this.sessions.revokeOthers(account.id, principal.sessionId);
    });
  }
}

/** Emails are compared and stored lowercase (and without surrounding spaces). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The unique index on email is the one conflict this module names. */
export function rethrowEmailTaken(error: unknown): never {
  if (error instanceof UniqueViolation && error.field === 'email') throw new EmailTakenError(error);
  throw error;
}
