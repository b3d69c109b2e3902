/** Builds a field's descriptor from its parsed parts: names, column, Drizzle, Zod, samples. */
import { tsString, tsStringArray } from './code-literal.js';
import { buildFieldTraits, type FieldSamples, type FieldType } from './field-types.js';
import { FieldSpecError } from './generator-errors.js';
import { type NameForms, nameForms, toCamelCase } from './naming.js';

const MAX_IDENTIFIER = 63;

/** A `pgEnum` the entity file declares before its table. */
export interface PgEnumDeclaration {
  /** `paymentStatusEnum` */
  constName: string;
  /** `payment_status` */
  sqlName: string;
  values: readonly string[];
  /** `export const paymentStatusEnum = pgEnum('payment_status', ['pending', 'paid']);` */
  declaration: string;
}

/** One field, with everything the module templates need to write it. */
export interface FieldDescriptor {
  /** The property name as written (camelCase). */
  name: string;
  names: NameForms;
  /** The SQL column (snake_case). */
  column: string;
  /** The type as written, e.g. `string(3)`. */
  spec: string;
  type: FieldType;
  /** Trailing `?`: the field may be omitted or null, and the column is nullable. */
  optional: boolean;
  /** The row value's TypeScript type, with `| null` when optional. */
  tsType: string;
  /** The `drizzle-orm/pg-core` export the column needs. */
  drizzleImport: string;
  /** e.g. `varchar('currency', { length: 3 }).notNull()`. */
  drizzleColumn: string;
  pgEnum: PgEnumDeclaration | null;
  /** The Zod schema of the field in a create body (optional fields accept null or absence). */
  zodCreate: string;
  /** The Zod schema of the field in responses. */
  zodResponse: string;
  /** The wire value computed from a repository row named `row`, e.g. `row.paidAt.toISOString()`. */
  responseValue: string;
  /** The OpenAPI description. */
  description: string;
  /** Code literals for generated tests. */
  sample: FieldSamples;
}

/** One field as read from the spec, before its type is interpreted. */
export interface ParsedField {
  name: string;
  /** The singular entity name, any case (enum types are named after it). */
  entity: string;
  typeName: string;
  /** The text between the type's parentheses, or null. */
  args: string | null;
  optional: boolean;
  /** The type as written, without `?`. */
  spec: string;
}

/** The wire value of `field` read from `source` (e.g. `row`), handling null for optional fields. */
export function responseExpression(
  field: Pick<FieldDescriptor, 'name' | 'type' | 'optional'>,
  source: string,
): string {
  const access = `${source}.${field.name}`;
  const convert =
    field.type === 'bigint' ? 'toString' : field.type === 'timestamp' ? 'toISOString' : null;
  if (convert === null) return access;
  return field.optional ? `${access}?.${convert}() ?? null` : `${access}.${convert}()`;
}

function checkIdentifier(field: string, what: string, identifier: string): void {
  if (identifier.length > MAX_IDENTIFIER) {
    throw new FieldSpecError(
      `field "${field}": the ${what} name "${identifier}" is longer than ${MAX_IDENTIFIER} characters`,
      field,
    );
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Interprets the type of `parsed` and assembles its descriptor. */
export function describeField(parsed: ParsedField): FieldDescriptor {
  const { name, optional } = parsed;
  const names = nameForms(name);
  const enumSql = `${nameForms(parsed.entity).snake}_${names.snake}`;
  const enumConst = `${toCamelCase(enumSql)}Enum`;
  checkIdentifier(name, 'column', names.snake);
  if (parsed.typeName === 'enum') checkIdentifier(name, 'enum type', enumSql);
  const traits = buildFieldTraits(parsed.typeName, {
    field: name,
    column: names.snake,
    words: names.words,
    args: parsed.args,
    enumConst,
  });
  const values = traits.enumValues;
  const declaration = `export const ${enumConst} = pgEnum(${tsString(enumSql)}, ${tsStringArray(values ?? [])});`;
  return {
    name,
    names,
    column: names.snake,
    spec: parsed.spec,
    type: traits.type,
    optional,
    tsType: optional ? `${traits.tsType} | null` : traits.tsType,
    drizzleImport: traits.drizzleImport,
    drizzleColumn: optional ? traits.column : `${traits.column}.notNull()`,
    pgEnum:
      values === null ? null : { constName: enumConst, sqlName: enumSql, values, declaration },
    zodCreate: optional ? `${traits.zodCreate}.nullable().optional()` : traits.zodCreate,
    zodResponse: optional ? `${traits.zodResponse}.nullable()` : traits.zodResponse,
    responseValue: responseExpression({ name, type: traits.type, optional }, 'row'),
    description: `${capitalize(names.words)}: ${traits.description}${optional ? ' (optional, may be null)' : ''}`,
    sample: traits.samples,
  };
}
