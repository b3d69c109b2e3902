/** Drizzle queries for accounts; CRUD comes from the base repository. */
import { eq } from 'drizzle-orm';
import { Inject, Injectable } from '#core';
import { BaseRepository, DATABASE, type Db, UnitOfWork } from '#infra/database';
import { type AccountRow, accounts } from './identity.entity.js';

/** Accounts by id and by email. */
@Injectable()
export class AccountRepository extends BaseRepository<typeof accounts> {
  constructor(@Inject(DATABASE) database: Db, unitOfWork: UnitOfWork) {
    super(accounts, database, unitOfWork);
  }

  /** The account with this (already lowercased) email. */
  findByEmail(email: string): Promise<AccountRow | undefined> {
    return this.run(async () => {
      const rows = await this.executor
        .select()
        .from(accounts)
        .where(eq(accounts.email, email))
        .limit(1);
      return rows[0];
    });
  }
}
