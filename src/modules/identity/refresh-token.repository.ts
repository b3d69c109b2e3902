/** Drizzle queries for refresh tokens: issue, consume once (atomically), look up by hash. */
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { Inject, Injectable } from '#core';
import { BaseRepository, DATABASE, type Db, UnitOfWork } from '#infra/database';
import { authSessions, type RefreshTokenRow, refreshTokens } from './identity.entity.js';

/** Refresh tokens, by the SHA-256 of the token (the token itself is never stored). */
@Injectable()
export class RefreshTokenRepository extends BaseRepository<typeof refreshTokens> {
  constructor(@Inject(DATABASE) database: Db, unitOfWork: UnitOfWork) {
    super(refreshTokens, database, unitOfWork);
  }

  /**
   * Marks the token used if it is unused, unexpired and its session active, in one statement:
   * of two concurrent calls with one token, exactly one gets the row, the other `undefined`.
   */
  consume(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const activeSessions = this.executor
      .select({ id: authSessions.id })
      .from(authSessions)
      .where(isNull(authSessions.revokedAt));
    return this.run(async () => {
      const rows = await this.executor
        .update(refreshTokens)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(refreshTokens.tokenHash, tokenHash),
            isNull(refreshTokens.usedAt),
            gt(refreshTokens.expiresAt, sql`now()`),
            inArray(refreshTokens.sessionId, activeSessions),
          ),
        )
        .returning();
      return rows[0];
    });
  }

  /** The token row with this hash, used or not. */
  findByHash(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return this.run(async () => {
      const rows = await this.executor
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, tokenHash))
        .limit(1);
      return rows[0];
    });
  }
}
