/** Drizzle queries for sign-in sessions: open, look up, revoke. */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { Inject, Injectable } from '#core';
import { BaseRepository, DATABASE, type Db, UnitOfWork } from '#infra/database';
import { authSessions, type SessionRow } from './identity.entity.js';

/** Why a session ended (stored in `revoke_reason`). */
export type RevokeReason =
  | 'sign_out'
  | 'sign_out_all'
  | 'password_changed'
  | 'refresh_token_reused';

/** Sessions; a revoked session has `revoked_at` and its refresh tokens stop working. */
@Injectable()
export class SessionRepository extends BaseRepository<typeof authSessions> {
  constructor(@Inject(DATABASE) database: Db, unitOfWork: UnitOfWork) {
    super(authSessions, database, unitOfWork);
  }

  /** The session if it exists and is not revoked. */
  findActive(id: string): Promise<SessionRow | undefined> {
    return this.run(async () => {
      const rows = await this.executor
        .select()
        .from(authSessions)
        .where(and(eq(authSessions.id, id), isNull(authSessions.revokedAt)))
        .limit(1);
      return rows[0];
    });
  }

  /** Revokes the session (only if it belongs to `accountId`, when given); false if not active. */
  async revoke(
    session: { id: string; accountId?: string },
    reason: RevokeReason,
  ): Promise<boolean> {
    const owner =
      session.accountId === undefined ? undefined : eq(authSessions.accountId, session.accountId);
    return (await this.revokeWhere(and(eq(authSessions.id, session.id), owner), reason)) > 0;
  }

  /** Revokes every active session of the account except `keep`; returns how many. */
  revokeAll(accountId: string, reason: RevokeReason, keep?: string): Promise<number> {
    const others = keep === undefined ? undefined : ne(authSessions.id, keep);
    return this.revokeWhere(and(eq(authSessions.accountId, accountId), others), reason);
  }

  private revokeWhere(where: ReturnType<typeof and>, reason: RevokeReason): Promise<number> {
    return this.run(async () => {
      const rows = await this.executor
        .update(authSessions)
        .set({ revokedAt: new Date(), revokeReason: reason })
        .where(and(where, isNull(authSessions.revokedAt)))
        .returning({ id: authSessions.id });
      return rows.length;
    });
  }
}
