/** Drizzle queries for users; CRUD and pagination come from the base repository. */
import { eq } from 'drizzle-orm';
import { Inject, Injectable } from '#core';
import { BaseRepository, DATABASE, type Db, UnitOfWork } from '#infra/database';
import { type UserRow, users } from './user.entity.js';

/** Users by id, by email, and in pages. */
@Injectable()
export class UserRepository extends BaseRepository<typeof users> {
  constructor(@Inject(DATABASE) database: Db, unitOfWork: UnitOfWork) {
    super(users, database, unitOfWork);
  }

  /** The user with this (already lowercased) email. */
  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.run(async () => {
      const rows = await this.executor.select().from(users).where(eq(users.email, email)).limit(1);
      return rows[0];
    });
  }

  /** The email filter of `GET /users`. */
  emailIs(email: string | undefined) {
    return email === undefined ? undefined : eq(users.email, email.toLowerCase());
  }
}
