/** The shape of a field type's traits and the helpers every type builder shares. */
import { tsString } from './code-literal.js';
import { FieldSpecError } from './generator-errors.js';

/** The field types `--fields` accepts (`string(N)` and `string(M..N)` are `varchar`). */
export type FieldType =
  | 'string'
  | 'varchar'
  | 'char'
  | 'text'
  | 'integer'
  | 'bigint'
  | 'number'
  | 'decimal'
  | 'boolean'
  | 'uuid'
  | 'date'
  | 'timestamp'
  | 'json'
  | 'enum';

/** Code samples for generated tests: two different valid values and one the create schema rejects. */
export interface FieldSamples {
  valid: string;
  /** Differs from `valid` unless the type has a single possible value (a one-value enum). */
  alternative: string;
  invalid: string;
}

/** The type-specific half of a field descriptor (the column name and nullability come later). */
export interface FieldTraits {
  type: FieldType;
  /** The row value's TypeScript type, without `| null`. */
  tsType: string;
  /** The `drizzle-orm/pg-core` export the column needs (`pgEnum` for enums). */
  drizzleImport: string;
  /** The column builder call without `.notNull()`, e.g. `varchar('currency', { length: 3 })`. */
  column: string;
  zodCreate: string;
  zodResponse: string;
  description: string;
  samples: FieldSamples;
  enumValues: readonly string[] | null;
}

/** What a type builder knows about the field it types. */
export interface FieldTypeInput {
  field: string;
  column: string;
  words: string;
  /** The text between the parentheses, or null without them. */
  args: string | null;
  /** For enums: the name of the `pgEnum` constant. */
  enumConst: string;
}

/** Rejects `integer(4)` and friends. */
export function noArgs(input: FieldTypeInput, type: string): void {
  if (input.args !== null) {
    throw new FieldSpecError(
      `field "${input.field}": type "${type}" takes no arguments`,
      input.field,
    );
  }
}

/** Parses a whole-number argument such as the N of `string(N)`. */
export function integerArg(input: FieldTypeInput, text: string, what: string): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new FieldSpecError(
      `field "${input.field}": ${what} must be a whole number, got "${text.trim()}"`,
      input.field,
    );
  }
  return value;
}

/** Two different valid strings of at most `max` characters, and the given invalid value. */
export function textSamples(words: string, max: number, invalid: string): FieldSamples {
  const cut = (text: string): string => tsString(text.slice(0, max));
  return { valid: cut(`Sample ${words}`), alternative: cut(`Changed ${words}`), invalid };
}

/** Traits of a type without arguments whose response schema defaults to its create schema. */
export function simple(
  input: FieldTypeInput,
  traits: Omit<FieldTraits, 'enumValues' | 'zodResponse'> & Partial<FieldTraits>,
): FieldTraits {
  noArgs(input, traits.type);
  return { enumValues: null, zodResponse: traits.zodCreate, ...traits };
}
