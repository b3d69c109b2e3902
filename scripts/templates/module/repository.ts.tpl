/** Drizzle queries for {{entities.words}}; CRUD and pagination come from the base repository. */
import { Inject, Injectable } from '#core';
import { BaseRepository, DATABASE, type Db, UnitOfWork } from '#infra/database';
import { {{tableConst}} } from './{{entity.kebab}}.entity.js';

/** Reads and writes {{entities.words}}: one by id, or a page at a time. */
@Injectable()
export class {{entity.pascal}}Repository extends BaseRepository<typeof {{tableConst}}> {
  constructor(@Inject(DATABASE) database: Db, unitOfWork: UnitOfWork) {
    super({{tableConst}}, database, unitOfWork);
  }
}
