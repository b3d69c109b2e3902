/** Drizzle queries of the {{module.words}} module about {{entities.words}}. */
import { Inject, Injectable } from '#core';
import { DATABASE, type Db, toDatabaseError, UnitOfWork } from '#infra/database';

/** Runs its queries on the open transaction, if any, else on the database. */
@Injectable()
export class {{entity.pascal}}Repository {
  constructor(
    @Inject(DATABASE) private readonly database: Db,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** The open transaction, else the database: build every query on it. */
  protected get db(): Db {
    return this.unitOfWork.current ?? this.database;
  }

  /**
   * Runs a query; driver errors leave as `DatabaseError`s (`UniqueViolation`...) that name fields,
   * never values. Map the ones this module expects in its service; the rest are answered for you.
   */
  protected async run<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      throw toDatabaseError(error);
    }
  }
}
