/** Finds the builder of a `--fields` type by name and builds its traits. */
import { SCALAR_TYPES } from './field-scalar-types.js';
import { decimal, enumType, fixedChar, varchar } from './field-sized-types.js';
import type { FieldTraits, FieldTypeInput } from './field-traits.js';
import { FieldSpecError } from './generator-errors.js';

export type { FieldSamples, FieldTraits, FieldType } from './field-traits.js';

const BUILDERS: Readonly<Record<string, (input: FieldTypeInput) => FieldTraits>> = {
  string: varchar,
  char: fixedChar,
  decimal,
  enum: enumType,
  ...SCALAR_TYPES,
};

/** The type names as users write them, for help texts and error messages. */
export const FIELD_TYPE_NAMES: readonly string[] = [
  'string',
  'string(N)',
  'string(M..N)',
  'char(N)',
  'text',
  'integer',
  'bigint',
  'number',
  'decimal(p,s)',
  'boolean',
  'uuid',
  'date',
  'timestamp',
  'json',
  'enum(a|b|c)',
];

/** The traits of `typeName` for one field; an unknown type names the field and the known ones. */
export function buildFieldTraits(typeName: string, input: FieldTypeInput): FieldTraits {
  const builder = Object.hasOwn(BUILDERS, typeName) ? BUILDERS[typeName] : undefined;
  if (builder === undefined) {
    throw new FieldSpecError(
      `field "${input.field}": unknown type "${typeName}"; use one of ${FIELD_TYPE_NAMES.join(', ')}`,
      input.field,
    );
  }
  return builder(input);
}
