/** Sign-in sessions: opening one, refresh-token rotation with reuse detection, revocation. */
import { Inject, Injectable, type Principal } from '#core';
import { TokenService } from '#infra/auth';
import { UnitOfWork } from '#infra/database';
import { AccountRepository } from './account.repository.js';
import type { AccountRow } from './identity.entity.js';
import {
  InvalidRefreshTokenError,
  RefreshTokenReusedError,
  SessionRevokedError,
} from './identity.errors.js';
import type { SessionMeta, TokenPair } from './identity.types.js';
import { IDENTITY_OPTIONS, type ResolvedIdentityOptions } from './identity-options.js';
import { isUuid } from './is-uuid.js';
import { hashRefreshToken, newRefreshToken } from './refresh-token.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { SessionRepository } from './session.repository.js';

/**
 * A session is one sign-in; its refresh tokens form a family. Every refresh consumes its token
 * and hands out the next one; a consumed token presented again revokes the whole session.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly tokens: RefreshTokenRepository,
    private readonly accounts: AccountRepository,
    private readonly tokenService: TokenService,
    private readonly unitOfWork: UnitOfWork,
    @Inject(IDENTITY_OPTIONS) private readonly options: ResolvedIdentityOptions,
  ) {}

  /** Opens a session for the account (joining an open transaction) and returns its first pair. */
  async open(
    account: Pick<AccountRow, 'id' | 'roles'>,
    meta: SessionMeta = {},
  ): Promise<TokenPair> {
    const { sessionId, refreshToken } = await this.unitOfWork.transaction(async () => {
      const session = await this.sessions.create({
        accountId: account.id,
        ip: meta.ip?.slice(0, 45) ?? null,
        userAgent: meta.userAgent?.slice(0, 512) ?? null,
      });
      return { sessionId: session.id, refreshToken: await this.addRefreshToken(session.id) };
    });
    return this.pair(account, sessionId, refreshToken);
  }

  /** Rotates `refreshToken`: 401 INVALID_REFRESH_TOKEN, or REFRESH_TOKEN_REUSED (session revoked). */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const tokenHash = hashRefreshToken(refreshToken);
    const rotated = await this.unitOfWork.transaction(async () => {
      const used = await this.tokens.consume(tokenHash);
      if (!used) return undefined;
      const session = await this.sessions.findById(used.sessionId);
      const account = session && (await this.accounts.findById(session.accountId));
      if (!account) return undefined;
      return {
        account,
        sessionId: used.sessionId,
        next: await this.addRefreshToken(used.sessionId),
      };
    });
    if (!rotated) return this.refuse(tokenHash);
    return this.pair(rotated.account, rotated.sessionId, rotated.next);
  }

  /** Revokes the caller's session (no-op for a token without one). */
  async signOut(principal: Principal): Promise<void> {
    if (principal.sessionId === undefined || !isUuid(principal.sessionId)) return;
    await this.sessions.revoke({ id: principal.sessionId, accountId: principal.sub }, 'sign_out');
  }

  /** Revokes every session of the caller's account. */
  async signOutAll(principal: Principal): Promise<void> {
    await this.assertActive(principal);
    if (!isUuid(principal.sub)) return;
    await this.sessions.revokeAll(principal.sub, 'sign_out_all');
  }

  /** Revokes every session of the account but `keep` (after a password change). */
  async revokeOthers(accountId: string, keep: string | undefined): Promise<void> {
    await this.sessions.revokeAll(accountId, 'password_changed', keep);
  }

  /** 401 SESSION_REVOKED when the caller's token belongs to a session that was signed out. */
  async assertActive(principal: Principal): Promise<void> {
    if (principal.sessionId === undefined) return;
    const session = isUuid(principal.sessionId)
      ? await this.sessions.findActive(principal.sessionId)
      : undefined;
    if (!session || session.accountId !== principal.sub) throw new SessionRevokedError();
  }

  private async refuse(tokenHash: string): Promise<never> {
    const known = await this.tokens.findByHash(tokenHash);
    if (known?.usedAt) {
      // A token is used once; a second use means two holders: end the family for both.
      await this.sessions.revoke({ id: known.sessionId }, 'refresh_token_reused');
      throw new RefreshTokenReusedError();
    }
    throw new InvalidRefreshTokenError();
  }

  private async addRefreshToken(sessionId: string): Promise<string> {
    const { token, hash } = newRefreshToken();
    const expiresAt = new Date(Date.now() + this.options.refreshTtlSeconds * 1000);
    await this.tokens.create({ sessionId, tokenHash: hash, expiresAt });
    return token;
  }

  private async pair(
    account: Pick<AccountRow, 'id' | 'roles'>,
    sessionId: string,
    refreshToken: string,
  ): Promise<TokenPair> {
    const { accessToken, expiresIn } = await this.tokenService.issueAccessToken({
      sub: account.id,
      roles: account.roles,
      sessionId,
    });
    return { accessToken, refreshToken, expiresIn, tokenType: 'Bearer' };
  }
}
