/** The identity module's public service: accounts, outside identities and sessions for other modules. */
import { Injectable, type Principal } from '#core';
import { ForeignKeyViolation } from '#infra/database';
import { AccountRepository } from './account.repository.js';
import { normalizeEmail, rethrowEmailTaken } from './credentials.service.js';
import { ExternalIdentityRepository } from './external-identity.repository.js';
import { AccountGoneError, IdentityAlreadyLinkedError } from './identity.errors.js';
import type { Account, SessionMeta, TokenPair } from './identity.types.js';
import { isUuid } from './is-uuid.js';
import { SessionService } from './session.service.js';
import { toAccount } from './to-account.js';

/** What the OIDC sign-in (and any other module) uses; the password flows live in `CredentialsService`. */
@Injectable()
export class IdentityService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly identities: ExternalIdentityRepository,
    private readonly sessions: SessionService,
  ) {}

  /** The account with this id. */
  async findAccountById(id: string): Promise<Account | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.accounts.findById(id);
    return row && toAccount(row);
  }

  /** The account with this email, whatever its case. */
  async findAccountByEmail(email: string): Promise<Account | undefined> {
    const row = await this.accounts.findByEmail(normalizeEmail(email));
    return row && toAccount(row);
  }

  /** Creates an account without a password (it signs in through its outside identity); 409 EMAIL_TAKEN. */
  async createExternalAccount(input: { email: string; name: string }): Promise<Account> {
    const row = await this.accounts
      .create({
        email: normalizeEmail(input.email),
        name: input.name.slice(0, 100),
        passwordHash: null,
      })
      .catch(rethrowEmailTaken);
    return toAccount(row);
  }

  /** The account linked to (provider, subject). */
  async findAccountByExternalIdentity(
    provider: string,
    subject: string,
  ): Promise<Account | undefined> {
    const link = await this.identities.find(provider, subject);
    return link && this.findAccountById(link.accountId);
  }

  /** Links (provider, subject) to the account; 409 IDENTITY_ALREADY_LINKED if another has it. */
  async linkExternalIdentity(
    accountId: string,
    identity: { provider: string; subject: string; email?: string },
  ): Promise<void> {
    const email = identity.email === undefined ? undefined : normalizeEmail(identity.email);
    const link = await this.identities
      .link({ ...identity, email, accountId })
      .catch((error: unknown) => {
        if (error instanceof ForeignKeyViolation) throw new AccountGoneError();
        throw error;
      });
    if (link?.accountId !== accountId) throw new IdentityAlreadyLinkedError(identity.provider);
  }

  /** Opens a session for the account and returns its first token pair. */
  async issueSession(accountId: string, meta?: SessionMeta): Promise<TokenPair> {
    const row = isUuid(accountId) ? await this.accounts.findById(accountId) : undefined;
    if (!row) throw new AccountGoneError();
    return this.sessions.open(row, meta);
  }

  /** The caller's account for `GET /auth/me`: 401 if its session was revoked or it is gone. */
  async me(principal: Principal): Promise<Account> {
    const account = await this.findAccountById(principal.sub);
    if (!account) throw new AccountGoneError();
    await this.sessions.assertActive(principal);
    return account;
  }
}
