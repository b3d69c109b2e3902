/** The field types without arguments: text, numbers, boolean, uuid, dates and json. */
import { tsString } from './code-literal.js';
import { type FieldTraits, type FieldTypeInput, simple } from './field-traits.js';

const INT32 = 'z.number().int().min(-2147483648).max(2147483647)';
// Digits as a string keep all 64 bits; a number is accepted too when it is a safe integer.
const INT64 =
  'z.union([z.string().regex(/^-?(0|[1-9]\\d{0,18})$/), z.number().int()])' +
  '.transform((value) => BigInt(value))' +
  '.pipe(z.bigint().min(-9223372036854775808n).max(9223372036854775807n))';

/** Builders of the argument-free types, by the name used in `--fields`. */
export const SCALAR_TYPES: Readonly<Record<string, (input: FieldTypeInput) => FieldTraits>> = {
  text: (input) =>
    simple(input, {
      type: 'text',
      tsType: 'string',
      drizzleImport: 'text',
      column: `text(${tsString(input.column)})`,
      zodCreate: 'z.string()',
      description: 'free text',
      samples: {
        valid: tsString(`Sample ${input.words}`),
        alternative: tsString(`Changed ${input.words}`),
        invalid: '42',
      },
    }),
  integer: (input) =>
    simple(input, {
      type: 'integer',
      tsType: 'number',
      drizzleImport: 'integer',
      column: `integer(${tsString(input.column)})`,
      zodCreate: INT32,
      zodResponse: 'z.number().int()',
      description: '32-bit integer',
      samples: { valid: '42', alternative: '-7', invalid: '2147483648' },
    }),
  bigint: (input) =>
    simple(input, {
      type: 'bigint',
      tsType: 'bigint',
      drizzleImport: 'bigint',
      column: `bigint(${tsString(input.column)}, { mode: 'bigint' })`,
      zodCreate: INT64,
      zodResponse: 'z.string()',
      description: '64-bit integer as a string of digits (a safe integer is accepted on input)',
      samples: { valid: "'9007199254740993'", alternative: "'-42'", invalid: "'12.5'" },
    }),
  number: (input) =>
    simple(input, {
      type: 'number',
      tsType: 'number',
      drizzleImport: 'doublePrecision',
      column: `doublePrecision(${tsString(input.column)})`,
      zodCreate: 'z.number()',
      description: 'double-precision number',
      samples: { valid: '12.5', alternative: '-3.25', invalid: "'12.5'" },
    }),
  boolean: (input) =>
    simple(input, {
      type: 'boolean',
      tsType: 'boolean',
      drizzleImport: 'boolean',
      column: `boolean(${tsString(input.column)})`,
      zodCreate: 'z.boolean()',
      description: 'true or false',
      samples: { valid: 'true', alternative: 'false', invalid: "'yes'" },
    }),
  uuid: (input) =>
    simple(input, {
      type: 'uuid',
      tsType: 'string',
      drizzleImport: 'uuid',
      column: `uuid(${tsString(input.column)})`,
      zodCreate: 'z.uuid()',
      description: 'UUID',
      samples: {
        valid: "'3f1b7c2e-8a4d-4e6f-9b1a-2c3d4e5f6a7b'",
        alternative: "'a0e1c2d3-b4f5-4a6b-8c7d-9e0f1a2b3c4d'",
        invalid: "'not-a-uuid'",
      },
    }),
  date: (input) =>
    simple(input, {
      type: 'date',
      tsType: 'string',
      drizzleImport: 'date',
      column: `date(${tsString(input.column)}, { mode: 'string' })`,
      zodCreate: 'z.iso.date()',
      description: 'calendar date, YYYY-MM-DD',
      samples: { valid: "'2024-01-31'", alternative: "'2025-06-15'", invalid: "'31/01/2024'" },
    }),
  timestamp: (input) =>
    simple(input, {
      type: 'timestamp',
      tsType: 'Date',
      drizzleImport: 'timestamp',
      column: `timestamp(${tsString(input.column)}, { withTimezone: true, mode: 'date' })`,
      zodCreate: 'z.iso.datetime({ offset: true }).pipe(z.coerce.date())',
      zodResponse: 'z.iso.datetime()',
      description: 'date and time, ISO 8601 with Z or an offset',
      samples: {
        valid: "'2024-01-31T12:00:00.000Z'",
        alternative: "'2025-06-15T08:30:00.000Z'",
        invalid: "'yesterday'",
      },
    }),
  json: (input) =>
    simple(input, {
      type: 'json',
      tsType: 'unknown',
      drizzleImport: 'jsonb',
      column: `jsonb(${tsString(input.column)})`,
      // A JSON null would land in a NOT NULL column as SQL NULL: required fields refuse it here.
      zodCreate: "z.json().refine((value) => value !== null, 'must not be null')",
      zodResponse: 'z.json()',
      description: 'any JSON value',
      samples: { valid: "{ key: 'value' }", alternative: '[1, 2, 3]', invalid: 'null' },
    }),
};
