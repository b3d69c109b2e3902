/** Field specs: every type's Drizzle, Zod and sample code (evaluated for real) and every error. */
import * as pg from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_FIELDS,
  drizzleImports,
  type FieldDescriptor,
  parseFields,
  responseExpression,
} from '../../scripts/lib/fields.js';
import { FieldSpecError } from '../../scripts/lib/generator-errors.js';

/** Evaluates generated code the way the generated module will run it. */
function evaluate(code: string, scope: Record<string, unknown> = {}): unknown {
  return new Function(...Object.keys(scope), `return (${code});`)(...Object.values(scope));
}
const zod = (code: string): z.ZodType => evaluate(code, { z }) as z.ZodType;

function one(spec: string): FieldDescriptor {
  const [field] = parseFields(spec, { entity: 'payment' });
  if (field === undefined) throw new Error('no field');
  return field;
}

function errorOf(spec: string): FieldSpecError {
  try {
    parseFields(spec, { entity: 'payment' });
  } catch (error) {
    if (error instanceof FieldSpecError) return error;
    throw error;
  }
  throw new Error(`expected "${spec}" to be rejected`);
}

const SPECS = [
  'title:string',
  'currency:string(3)',
  'note:text',
  'amount:integer',
  'views:bigint',
  'ratio:number',
  'price:decimal(10,2)',
  'rate:decimal(3,3)',
  'units:decimal(5,0)',
  'active:boolean',
  'ownerId:uuid',
  'dueOn:date',
  'paidAt:timestamp',
  'payload:json',
  'status:enum(pending|paid|failed)',
  'code:char(3)',
  'pin:string(4..4)',
  'slug:string(20..40)',
];

describe('parseFields: the code of each type', () => {
  it('defaults to one name:string(100) field', () => {
    const [field] = parseFields(undefined, { entity: 'user' });
    expect(DEFAULT_FIELDS).toBe('name:string(100)');
    expect(field?.drizzleColumn).toBe("varchar('name', { length: 100 }).notNull()");
    expect(field?.zodCreate).toBe('z.string().min(1).max(100)');
  });

  it.each([
    [
      'currency:string(3)',
      "varchar('currency', { length: 3 }).notNull()",
      'z.string().min(1).max(3)',
    ],
    [
      'amount:integer',
      "integer('amount').notNull()",
      'z.number().int().min(-2147483648).max(2147483647)',
    ],
    ['code:char(3)', "char('code', { length: 3 }).notNull()", 'z.string().length(3)'],
    ['code:string(3..3)', "varchar('code', { length: 3 }).notNull()", 'z.string().length(3)'],
    [
      'slug:string(2..40)',
      "varchar('slug', { length: 40 }).notNull()",
      'z.string().min(2).max(40)',
    ],
    ['title:string', "text('title').notNull()", 'z.string().min(1)'],
    ['note:text?', "text('note')", 'z.string().nullable().optional()'],
    [
      'price:decimal(10,2)',
      "numeric('price', { precision: 10, scale: 2 }).notNull()",
      'z.string().regex(/^-?\\d{1,8}(\\.\\d{1,2})?$/)',
    ],
    ['ownerId:uuid', "uuid('owner_id').notNull()", 'z.uuid()'],
    ['dueOn:date', "date('due_on', { mode: 'string' }).notNull()", 'z.iso.date()'],
    [
      'status:enum(pending|paid|failed)',
      "paymentStatusEnum('status').notNull()",
      "z.enum(['pending', 'paid', 'failed'])",
    ],
  ])('writes %s as the expected column and create schema', (spec, column, create) => {
    const field = one(spec);
    expect([field.drizzleColumn, field.zodCreate]).toEqual([column, create]);
  });

  it('declares a pgEnum named after the entity and the field', () => {
    const [field] = parseFields('orderStatus:enum(open|closed)', { entity: 'payment-method' });
    expect(field?.pgEnum).toEqual({
      constName: 'paymentMethodOrderStatusEnum',
      sqlName: 'payment_method_order_status',
      values: ['open', 'closed'],
      declaration:
        "export const paymentMethodOrderStatusEnum = pgEnum('payment_method_order_status', ['open', 'closed']);",
    });
    expect(field?.tsType).toBe("'open' | 'closed'");
  });

  it('names every case of the field and uses snake_case columns', () => {
    const field = one('paidAt:timestamp?');
    expect([field.name, field.names.pascal, field.column, field.tsType]).toEqual([
      'paidAt',
      'PaidAt',
      'paid_at',
      'Date | null',
    ]);
    expect(field.description).toBe(
      'Paid at: date and time, ISO 8601 with Z or an offset (optional, may be null)',
    );
  });

  it('lists the drizzle builders the fields import', () => {
    const fields = parseFields('a:string(3),b:integer,c:enum(x|y),d:integer', { entity: 'p' });
    expect(drizzleImports(fields)).toEqual(['integer', 'pgEnum', 'varchar']);
  });

  it('maps rows to wire values, converting bigint and timestamp (null-safe when optional)', () => {
    expect(one('views:bigint').responseValue).toBe('row.views.toString()');
    expect(one('paidAt:timestamp?').responseValue).toBe('row.paidAt?.toISOString() ?? null');
    expect(one('amount:integer').responseValue).toBe('row.amount');
    expect(responseExpression(one('paidAt:timestamp'), 'entity')).toBe(
      'entity.paidAt.toISOString()',
    );
  });
});

describe('parseFields: generated code runs', () => {
  it.each(SPECS)(
    '%s: samples pass or fail the create schema and round-trip to the response',
    (spec) => {
      const field = one(spec);
      const create = zod(field.zodCreate);
      const response = zod(field.zodResponse);
      expect(create.safeParse(evaluate(field.sample.invalid)).success).toBe(false);
      for (const sample of [field.sample.valid, field.sample.alternative]) {
        const input = evaluate(sample);
        const row = { [field.name]: create.parse(input) };
        const wire = evaluate(field.responseValue, { row });
        expect(response.parse(wire)).toEqual(input);
      }
      if (field.type !== 'enum') expect(field.sample.alternative).not.toBe(field.sample.valid);
    },
  );

  it.each(SPECS)('%s?: accepts null and absence when optional', (spec) => {
    const field = one(`${spec}?`);
    const create = zod(field.zodCreate);
    expect(create.safeParse(null).success).toBe(true);
    expect(create.safeParse(undefined).success).toBe(true);
    expect(zod(field.zodResponse).safeParse(null).success).toBe(true);
    expect(evaluate(field.responseValue, { row: { [field.name]: null } })).toBeNull();
  });

  it('builds a Drizzle table whose columns have the declared SQL types and nullability', () => {
    const fields = parseFields(SPECS.map((spec, i) => (i % 2 ? `${spec}?` : spec)).join(','), {
      entity: 'payment',
    });
    const scope: Record<string, unknown> = { ...pg };
    for (const field of fields) {
      if (field.pgEnum)
        scope[field.pgEnum.constName] = evaluate(
          field.pgEnum.declaration.replace(/^export const \w+ = /, '').replace(/;$/, ''),
          pg,
        );
    }
    const columns = Object.fromEntries(
      fields.map((field) => [field.name, evaluate(field.drizzleColumn, scope)]),
    );
    const config = pg.getTableConfig(
      pg.pgTable('payments', columns as Record<string, pg.PgColumnBuilderBase>),
    );
    const types = Object.fromEntries(
      config.columns.map((column) => [column.name, [column.getSQLType(), column.notNull]]),
    );
    expect(types).toEqual({
      title: ['text', true],
      currency: ['varchar(3)', false],
      note: ['text', true],
      amount: ['integer', false],
      views: ['bigint', true],
      ratio: ['double precision', false],
      price: ['numeric(10, 2)', true],
      rate: ['numeric(3, 3)', false],
      units: ['numeric(5, 0)', true],
      active: ['boolean', false],
      owner_id: ['uuid', true],
      due_on: ['date', false],
      paid_at: ['timestamp with time zone', true],
      payload: ['jsonb', false],
      status: ['payment_status', true],
      code: ['char(3)', false],
      pin: ['varchar(4)', true],
      slug: ['varchar(40)', false],
    });
  });

  it('string(N) is at most N characters, string(M..N) and char(N) bound both ends', () => {
    const atMost = zod(one('currency:string(3)').zodCreate);
    expect(['a', 'ab', 'abc', '', 'abcd'].map((v) => atMost.safeParse(v).success)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    for (const spec of ['currency:char(3)', 'currency:string(3..3)']) {
      const exactly = zod(one(spec).zodCreate);
      expect(['ab', 'abc', 'abcd'].map((v) => exactly.safeParse(v).success)).toEqual([
        false,
        true,
        false,
      ]);
      expect(one(spec).description).toBe('Currency: text of exactly 3 characters');
    }
    expect(one('currency:string(3)').description).toBe('Currency: text of 1 to 3 characters');
  });

  it('keeps 64-bit integers exact and rejects values beyond them', () => {
    const create = zod(one('views:bigint').zodCreate);
    expect(create.parse('9223372036854775807')).toBe(9223372036854775807n);
    expect(create.parse(42)).toBe(42n);
    expect(create.safeParse('9223372036854775808').success).toBe(false);
    expect(create.safeParse(2 ** 60).success).toBe(false);
    expect(create.safeParse('007').success).toBe(false);
  });

  it('checks decimal digits before and after the point', () => {
    const create = zod(one('price:decimal(5,2)').zodCreate);
    expect(['123.45', '-1.5', '0'].map((v) => create.safeParse(v).success)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['1234.5', '1.234', '1e3', '12.'].map((v) => create.safeParse(v).success)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('turns timestamps with offsets into dates and rejects plain dates', () => {
    const create = zod(one('paidAt:timestamp').zodCreate);
    expect(create.parse('2024-01-31T14:00:00+02:00')).toEqual(new Date('2024-01-31T12:00:00.000Z'));
    expect(create.safeParse('2024-01-31').success).toBe(false);
  });
});

describe('parseFields: errors name the field', () => {
  it.each([
    ['amount:money', 'amount', 'unknown type "money"'],
    ['currency:string(0)', 'currency', 'string(N) needs 1 <= N <= 10485760, got 0'],
    ['currency:string(5..3)', 'currency', 'needs M <= N, got string(5..3)'],
    ['currency:string(a..3)', 'currency', 'the minimum in string(M..N) must be a whole number'],
    ['currency:char(0)', 'currency', 'char(N) needs 1 <= N <= 10485760, got 0'],
    ['currency:char', 'currency', 'the length in char(N) must be a whole number, got ""'],
    ['currency:string(abc)', 'currency', 'must be a whole number, got "abc"'],
    ['currency:string(3.5)', 'currency', 'must be a whole number'],
    ['currency:string()', 'currency', 'must be a whole number, got ""'],
    ['price:decimal', 'price', 'decimal needs a precision and a scale'],
    ['price:decimal(2,3)', 'price', 'got decimal(2,3)'],
    ['price:decimal(0,0)', 'price', 'needs 1 <= p <= 1000'],
    ['amount:integer(4)', 'amount', 'type "integer" takes no arguments'],
    ['status:enum()', 'status', 'enum needs values'],
    ['status:enum', 'status', 'enum needs values'],
    ['status:enum(a||b)', 'status', 'enum value "" must be'],
    ['status:enum(a|a)', 'status', 'enum value "a" appears twice'],
    ['status:enum(a b)', 'status', 'enum value "a b" must be'],
    ['amount:integer,amount:text', 'amount', 'field "amount" is defined twice'],
    ['userId:uuid,userID:uuid', 'userID', 'both map to the column "user_id"'],
    ['id:uuid', 'id', 'field "id" is reserved'],
    ['createdAt:timestamp', 'createdAt', 'is reserved'],
    ['updatedAt:timestamp', 'updatedAt', 'is reserved'],
    ['constructor:text', 'constructor', 'request bodies may not carry that key'],
    [
      'first_name:text',
      'first_name',
      'camelCase (a lowercase letter, then letters or digits), e.g. "firstName"',
    ],
    ['2fa:boolean', '2fa', 'a field name is camelCase'],
    ['Amount:integer', 'Amount', 'e.g. "amount"'],
    ['amount', 'amount', 'field "amount" has no type: write amount:string'],
    ['amount:', 'amount', 'cannot read the type ""'],
    ['amount:int eger', 'amount', 'cannot read the type'],
    [`${'a'.repeat(64)}:integer`, 'a'.repeat(64), 'longer than 63 characters'],
  ])('rejects %s', (spec, field, message) => {
    const error = errorOf(spec);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
    expect(error.message).toContain(`"${field}"`);
  });

  it.each([
    ['a:integer,,b:text', 'empty field'],
    ['a:integer,', 'empty field'],
    ['', 'empty field'],
    ['a:decimal(10,2', 'unclosed "("'],
    ['a:integer)', 'unbalanced ")"'],
    [':integer', 'a field has no name'],
  ])('rejects the malformed spec %j', (spec, message) => {
    expect(errorOf(spec).message).toContain(message);
  });

  it('rejects enum type names longer than Postgres allows', () => {
    const error = errorOf(`${'s'.repeat(60)}:enum(a|b)`);
    expect(error.message).toContain('the enum type name "payment_sss');
  });
});
