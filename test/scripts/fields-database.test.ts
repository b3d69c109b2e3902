/** Field specs against a real (embedded) Postgres: generated columns store and return every sample. */
import { PGlite } from '@electric-sql/pglite';
import * as pg from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FieldDescriptor, parseFields } from '../../scripts/lib/fields.js';

function evaluate(code: string, scope: Record<string, unknown> = {}): unknown {
  return new Function(...Object.keys(scope), `return (${code});`)(...Object.values(scope));
}

const SPEC = [
  'title:string',
  'currency:string(3)',
  'note:text?',
  'amount:integer',
  'views:bigint',
  'ratio:number',
  'price:decimal(10,2)',
  'rate:decimal(3,3)',
  'active:boolean',
  'ownerId:uuid',
  'dueOn:date',
  'paidAt:timestamp',
  'payload:json',
  'status:enum(pending|paid|failed)',
  'code:char(3)',
  'pin:string(4..4)',
  'slug:string(20..40)',
].join(',');

function buildTable(fields: readonly FieldDescriptor[]) {
  const scope: Record<string, unknown> = { ...pg };
  for (const field of fields) {
    if (field.pgEnum === null) continue;
    const expression = field.pgEnum.declaration
      .replace(/^export const \w+ = /, '')
      .replace(/;$/, '');
    scope[field.pgEnum.constName] = evaluate(expression, pg);
  }
  const columns: Record<string, pg.PgColumnBuilderBase> = { id: pg.serial('id').primaryKey() };
  for (const field of fields) {
    columns[field.name] = evaluate(field.drizzleColumn, scope) as pg.PgColumnBuilderBase;
  }
  return pg.pgTable('payments', columns);
}

function ddl(fields: readonly FieldDescriptor[], table: pg.PgTable): string[] {
  const enums = fields.flatMap((field) =>
    field.pgEnum === null
      ? []
      : [
          `CREATE TYPE "${field.pgEnum.sqlName}" AS ENUM (${field.pgEnum.values.map((v) => `'${v}'`).join(', ')})`,
        ],
  );
  const columns = pg
    .getTableConfig(table)
    .columns.map(
      (c) =>
        `"${c.name}" ${c.getSQLType()}${c.primary ? ' PRIMARY KEY' : ''}${c.notNull ? ' NOT NULL' : ''}`,
    );
  return [...enums, `CREATE TABLE "payments" (${columns.join(', ')})`];
}

describe('generated columns on Postgres', () => {
  let client: PGlite;

  beforeAll(async () => {
    client = new PGlite();
    await client.waitReady;
  });

  afterAll(async () => {
    await client.close();
  });

  it('stores every sample and returns it unchanged on the wire', async () => {
    const fields = parseFields(SPEC, { entity: 'payment' });
    const table = buildTable(fields);
    for (const statement of ddl(fields, table)) await client.exec(statement);
    const db = drizzle(client);
    for (const pick of ['valid', 'alternative'] as const) {
      const input = Object.fromEntries(fields.map((f) => [f.name, evaluate(f.sample[pick])]));
      const values = Object.fromEntries(
        fields.map((f) => [
          f.name,
          (evaluate(f.zodCreate, { z }) as z.ZodType).parse(input[f.name]),
        ]),
      );
      const [row] = await db.insert(table).values(values).returning();
      const wire = Object.fromEntries(
        fields.map((f) => [f.name, evaluate(f.responseValue, { row })]),
      );
      expect(wire).toEqual(input);
    }
  });
});
