/** Parses `--fields "amount:integer,status:enum(a|b),note:text?"` into typed field descriptors. */
import { describeField, type FieldDescriptor, type ParsedField } from './field-descriptor.js';
import { FieldSpecError } from './generator-errors.js';
import { toCamelCase } from './naming.js';

export {
  type FieldDescriptor,
  type PgEnumDeclaration,
  responseExpression,
} from './field-descriptor.js';
export { FIELD_TYPE_NAMES, type FieldSamples, type FieldType } from './field-types.js';

/** The spec used when `--fields` is not given. */
export const DEFAULT_FIELDS = 'name:string(100)';

/** Every entity has these columns already; fields may not redefine them. */
const RESERVED_FIELDS = new Set(['id', 'createdAt', 'updatedAt']);
/** The kernel answers INVALID_JSON to bodies with these keys, so they cannot be fields. */
const FORBIDDEN_KEYS = new Set(['constructor', 'prototype']);
const IDENTIFIER = /^[a-z][a-zA-Z0-9]*$/;

/** Which entity the fields belong to (enum types are named after it). */
export interface ParseFieldsOptions {
  /** The singular entity name in any case, e.g. `payment` or `payment-method`. */
  entity: string;
}

/** Parses a fields spec; without one, the entity gets a single `name:string(100)` field. */
export function parseFields(
  spec: string | undefined,
  options: ParseFieldsOptions,
): FieldDescriptor[] {
  const fields = splitTopLevel(spec ?? DEFAULT_FIELDS).map((item) =>
    describeField({ ...parseItem(item), entity: options.entity }),
  );
  const seen = new Map<string, string>();
  for (const field of fields) {
    const previous = seen.get(field.column);
    if (previous === field.name) {
      throw new FieldSpecError(`field "${field.name}" is defined twice`, field.name);
    }
    if (previous !== undefined) {
      throw new FieldSpecError(
        `fields "${previous}" and "${field.name}" both map to the column "${field.column}": rename one`,
        field.name,
      );
    }
    seen.set(field.column, field.name);
  }
  return fields;
}

/** The `drizzle-orm/pg-core` imports the fields need, sorted and without duplicates. */
export function drizzleImports(fields: readonly FieldDescriptor[]): string[] {
  return [...new Set(fields.map((field) => field.drizzleImport))].sort();
}

/** Splits on commas outside parentheses, so `decimal(10,2)` stays whole. */
function splitTopLevel(source: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= source.length; i++) {
    const char = source[i];
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (depth < 0) throw new FieldSpecError(`unbalanced ")" in --fields "${source}"`);
    if (i === source.length || (char === ',' && depth === 0)) {
      items.push(source.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth > 0) throw new FieldSpecError(`unclosed "(" in --fields "${source}"`);
  if (items.some((item) => item === '')) {
    throw new FieldSpecError(`empty field in --fields "${source}": remove the extra comma`);
  }
  return items;
}

function checkName(name: string): void {
  if (name === '') {
    throw new FieldSpecError('a field has no name: write name:type, e.g. amount:integer');
  }
  if (!IDENTIFIER.test(name)) {
    const hint = toCamelCase(name);
    const example = IDENTIFIER.test(hint) ? `, e.g. "${hint}"` : '';
    throw new FieldSpecError(
      `field "${name}": a field name is camelCase (a lowercase letter, then letters or digits)${example}`,
      name,
    );
  }
  if (RESERVED_FIELDS.has(name)) {
    throw new FieldSpecError(
      `field "${name}" is reserved: every entity already has id, createdAt and updatedAt`,
      name,
    );
  }
  if (FORBIDDEN_KEYS.has(name)) {
    throw new FieldSpecError(
      `field "${name}" is reserved: request bodies may not carry that key`,
      name,
    );
  }
}

function parseItem(item: string): Omit<ParsedField, 'entity'> {
  const colon = item.indexOf(':');
  const name = (colon === -1 ? item : item.slice(0, colon)).trim();
  checkName(name);
  if (colon === -1)
    throw new FieldSpecError(`field "${name}" has no type: write ${name}:string`, name);
  const written = item.slice(colon + 1).trim();
  const optional = written.endsWith('?');
  const spec = optional ? written.slice(0, -1).trim() : written;
  const match = /^([A-Za-z]+)\s*(?:\(([\s\S]*)\))?$/.exec(spec);
  if (match === null) {
    throw new FieldSpecError(
      `field "${name}": cannot read the type "${written}"; write name:type, e.g. amount:integer`,
      name,
    );
  }
  return { name, typeName: match[1] ?? '', args: match[2] ?? null, optional, spec };
}
