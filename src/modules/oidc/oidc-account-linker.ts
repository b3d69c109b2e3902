/**
 * Which local account an external identity signs in to. Safe linking: an identity is linked to
 * an existing account only from `/link` (the caller proved control of that account with its
 * bearer token), never because the emails match. A new account is made only from an email the
 * provider verified, and only when no local account has it.
 */
import { Injectable } from '#core';
import { UnitOfWork } from '#infra/database';
import {
  AccountGoneError,
  EmailTakenError,
  IdentityAlreadyLinkedError,
  IdentityService,
} from '#modules/identity';
import { OidcAccountExistsError, OidcEmailUnverifiedError } from './oidc.errors.js';
import type { ExternalProfile } from './oidc.types.js';

/** The account id to sign in, after linking or creating what the rules allow. */
@Injectable()
export class OidcAccountLinker {
  constructor(
    private readonly identity: IdentityService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Resolves (provider, profile) to an account; `linkAccountId` comes from a `/link` flow. */
  async resolve(
    provider: string,
    profile: ExternalProfile,
    linkAccountId: string | undefined,
  ): Promise<string> {
    const linked = await this.identity.findAccountByExternalIdentity(provider, profile.subject);
    if (linkAccountId !== undefined) {
      return this.linkTo(linkAccountId, { provider, profile, linkedTo: linked?.id });
    }
    if (linked) return linked.id;
    // Checked before any lookup: an unverified email must not even learn whether an account exists.
    if (!profile.emailVerified || profile.email === undefined) {
      throw new OidcEmailUnverifiedError(provider);
    }
    const verified = { ...profile, email: profile.email };
    // The account and its link are written together or not at all.
    return this.unitOfWork.transaction(() => this.createAndLink(provider, verified));
  }

  private async linkTo(
    accountId: string,
    link: { provider: string; profile: ExternalProfile; linkedTo: string | undefined },
  ): Promise<string> {
    if (link.linkedTo === accountId) return accountId;
    if (link.linkedTo !== undefined) throw new IdentityAlreadyLinkedError(link.provider);
    if (!(await this.identity.findAccountById(accountId))) throw new AccountGoneError();
    await this.identity.linkExternalIdentity(accountId, identityOf(link.provider, link.profile));
    return accountId;
  }

  private async createAndLink(
    provider: string,
    profile: ExternalProfile & { email: string },
  ): Promise<string> {
    if (await this.identity.findAccountByEmail(profile.email)) {
      throw new OidcAccountExistsError(provider);
    }
    const name = profile.name?.trim().slice(0, 100) || profile.email.split('@')[0] || 'user';
    const account = await this.identity
      .createExternalAccount({ email: profile.email, name })
      .catch((error: unknown) => {
        // Another request made an account with this email in the meantime.
        if (error instanceof EmailTakenError) throw new OidcAccountExistsError(provider, error);
        throw error;
      });
    await this.identity.linkExternalIdentity(account.id, identityOf(provider, profile));
    return account.id;
  }
}

function identityOf(provider: string, profile: ExternalProfile) {
  return {
    provider,
    subject: profile.subject,
    ...(profile.email === undefined ? {} : { email: profile.email }),
  };
}
