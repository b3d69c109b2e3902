/** The base of every repository: typed CRUD and keyset pagination on the current transaction. */
import { and, asc, count, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { unknownSortColumn } from '../infra-errors.js';
import type { Db } from './database.tokens.js';
import { decodeCursor, encodeCursor, invalidCursor, keysetAfter } from './keyset-cursor.js';
import { databaseErrorCode, toDatabaseError } from './to-database-error.js';
import type { UnitOfWork } from './unit-of-work.js';

/** A table with an `id` primary key column. */
export type TableWithId = PgTable & { id: AnyPgColumn };
/** A selected row of `T`. */
export type RowOf<T extends TableWithId> = T['$inferSelect'];
/** The id type of `T`. */
export type IdOf<T extends TableWithId> = T['id']['_']['data'];
/** A column (property) name of `T`. */
export type ColumnOf<T extends TableWithId> = keyof T['_']['columns'] & string;

/** Options of `findMany`. The sort column must be NOT NULL; `id` breaks ties. */
export interface FindManyOptions<T extends TableWithId> {
  where?: SQL | undefined;
  /** Default: `createdAt` ascending when the table has it, else `id`. */
  orderBy?: { column: ColumnOf<T>; direction?: 'asc' | 'desc' };
  /** 1..100 (clamped); default 20. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string | null | undefined;
}

/** One page of a keyset-paginated list. */
export interface Page<TItem> {
  items: TItem[];
  nextCursor: string | null;
}

/** The hard maximum page size of `findMany`. */
export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;
const SORT_KEY = '__keelSortKey';
const ID_KEY = '__keelIdKey';

/**
 * Extend it per table: `constructor(@Inject(DATABASE) db: Db, unitOfWork: UnitOfWork)
 * { super(users, db, unitOfWork) }`. Every query runs on the open transaction, if any, and
 * database errors leave as `DatabaseError`s (`UniqueViolation`...) naming fields, never values.
 */
export class BaseRepository<TTable extends TableWithId> {
  private columnKeys: Map<string, string> | undefined;

  constructor(
    protected readonly table: TTable,
    protected readonly database: Db,
    protected readonly unitOfWork: UnitOfWork,
  ) {}

  /** The row with this id, or `undefined`. */
  findById(id: IdOf<TTable>): Promise<RowOf<TTable> | undefined> {
    return this.run(async () => {
      const rows = await this.executor.select().from(this.anyTable).where(this.byId(id)).limit(1);
      return rows[0] as RowOf<TTable> | undefined;
    });
  }

  /** One page in (sort column, id) order; pass `nextCursor` back as `cursor` for the next one. */
  findMany(options: FindManyOptions<TTable> = {}): Promise<Page<RowOf<TTable>>> {
    const column = options.orderBy?.column ?? this.defaultSortColumn();
    const direction = options.orderBy?.direction ?? 'asc';
    const limit = pageSize(options.limit);
    return this.run(async () => {
      const position = options.cursor ? decodeCursor(options.cursor, column, direction) : undefined;
      const sortColumn = this.column(column);
      const order = direction === 'asc' ? asc : desc;
      const after = position && keysetAfter(sortColumn, this.table.id, position);
      const rows = await this.executor
        .select({
          ...getTableColumns(this.anyTable),
          [SORT_KEY]: sql<string>`${sortColumn}::text`,
          [ID_KEY]: sql<string>`${this.table.id}::text`,
        })
        .from(this.anyTable)
        .where(and(options.where, after))
        .orderBy(order(sortColumn), order(this.table.id))
        .limit(limit + 1)
        .catch((error: unknown) => {
          // An edited cursor can hold text the column type rejects (class 22: data exception).
          if (position && databaseErrorCode(error)?.startsWith('22')) throw invalidCursor(error);
          throw error;
        });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > limit && last
          ? encodeCursor({
              column,
              direction,
              value: String(last[SORT_KEY]),
              id: String(last[ID_KEY]),
            })
          : null;
      return { items: page.map(stripKeys) as RowOf<TTable>[], nextCursor };
    });
  }

  /** How many rows match `where` (all rows when omitted). */
  count(where?: SQL): Promise<number> {
    return this.run(async () => {
      const [row] = await this.executor.select({ n: count() }).from(this.anyTable).where(where);
      return row?.n ?? 0;
    });
  }

  /** True when at least one row matches `where`. */
  exists(where?: SQL): Promise<boolean> {
    return this.run(async () => {
      const rows = await this.executor
        .select({ one: sql<number>`1` })
        .from(this.anyTable)
        .where(where)
        .limit(1);
      return rows.length > 0;
    });
  }

  /** Inserts one row and returns it as stored (defaults applied). */
  create(values: PgInsertValue<TTable>): Promise<RowOf<TTable>> {
    return this.run(async () => {
      const rows = await this.executor.insert(this.anyTable).values(values).returning();
      return rows[0] as RowOf<TTable>;
    });
  }

  /**
   * Updates the given fields of one row; returns it, or `undefined` when no row has this id. A
   * patch whose values are all `undefined` (an empty PATCH) writes nothing, so `$onUpdate`
   * columns such as `updatedAt` keep their values, and returns the row as it is.
   */
  update(id: IdOf<TTable>, patch: PgUpdateSetSource<TTable>): Promise<RowOf<TTable> | undefined> {
    if (Object.values(patch).every((value) => value === undefined)) return this.findById(id);
    return this.run(async () => {
      const rows = await this.executor
        .update(this.anyTable)
        .set(patch)
        .where(this.byId(id))
        .returning();
      return rows[0] as RowOf<TTable> | undefined;
    });
  }

  /** Deletes one row; false when no row has this id. */
  delete(id: IdOf<TTable>): Promise<boolean> {
    return this.run(async () => {
      const rows = await this.executor
        .delete(this.anyTable)
        .where(this.byId(id))
        .returning({ id: this.table.id });
      return rows.length > 0;
    });
  }

  /** The open transaction, else the database: run custom queries on it (inside `run`). */
  protected get executor(): Db {
    return this.unitOfWork.current ?? this.database;
  }

  /** Runs a query and maps its driver errors to `DatabaseError`s (fields named by property key). */
  protected async run<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      throw toDatabaseError(error, { fieldName: (name) => this.propertyKey(name) });
    }
  }

  // Drizzle's builders cannot resolve their conditional types on a generic table; the public
  // methods restore the row types from TTable.
  private get anyTable(): PgTable {
    return this.table;
  }

  private byId(id: IdOf<TTable>): SQL {
    return eq(this.table.id, id);
  }

  private column(key: string): AnyPgColumn {
    const column = (getTableColumns(this.anyTable) as Record<string, AnyPgColumn>)[key];
    if (!column) throw unknownSortColumn(this.constructor.name, key);
    return column;
  }

  private defaultSortColumn(): ColumnOf<TTable> {
    const hasCreatedAt = 'createdAt' in getTableColumns(this.anyTable);
    return (hasCreatedAt ? 'createdAt' : 'id') as ColumnOf<TTable>;
  }

  private propertyKey(columnName: string): string {
    this.columnKeys ??= new Map(
      Object.entries(getTableColumns(this.anyTable)).map(([key, column]) => [column.name, key]),
    );
    return this.columnKeys.get(columnName) ?? columnName;
  }
}

function pageSize(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(requested)));
}

function stripKeys(row: Record<string, unknown>): Record<string, unknown> {
  const { [SORT_KEY]: _sort, [ID_KEY]: _id, ...item } = row;
  return item;
}
