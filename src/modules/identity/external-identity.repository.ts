/** Drizzle queries for outside identities (provider + subject) linked to accounts. */
import { and, eq } from 'drizzle-orm';
import { Injectable } from '#core';
import { toDatabaseError, UnitOfWork } from '#infra/database';
import { externalIdentities } from './identity.entity.js';

/** A link row: which account an outside identity belongs to. */
export type ExternalIdentityRow = typeof externalIdentities.$inferSelect;

/** Outside identities; their key is (provider, subject), so there is no base repository here. */
@Injectable()
export class ExternalIdentityRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The link of (provider, subject), if any. */
  find(provider: string, subject: string): Promise<ExternalIdentityRow | undefined> {
    return this.run(async () => {
      const rows = await this.unitOfWork.executor
        .select()
        .from(externalIdentities)
        .where(
          and(eq(externalIdentities.provider, provider), eq(externalIdentities.subject, subject)),
        )
        .limit(1);
      return rows[0];
    });
  }

  /** Links (provider, subject) to the account unless it is linked already; returns the link. */
  async link(row: {
    provider: string;
    subject: string;
    accountId: string;
    email?: string | undefined;
  }): Promise<ExternalIdentityRow | undefined> {
    await this.run(() =>
      this.unitOfWork.executor
        .insert(externalIdentities)
        .values({ ...row, email: row.email ?? null })
        .onConflictDoNothing(),
    );
    return this.find(row.provider, row.subject);
  }

  private async run<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      throw toDatabaseError(error);
    }
  }
}
