/** The data the module templates render: every name of the feature and its fields, ready as code. */

import type { GenerateCommand } from './args.js';
import { tsString, tsStringArray } from './code-literal.js';
import { drizzleImports, type FieldDescriptor, type PgEnumDeclaration } from './fields.js';
import type { NameForms } from './naming.js';

/** A field as the templates see it: its descriptor plus the code only a whole module knows. */
export interface TemplateField extends FieldDescriptor {
  /** The OpenAPI description as a string literal. */
  descriptionLiteral: string;
  /** The wire value built from a row named `row` (the DTO type narrows `jsonb`'s unknown). */
  rowValue: string;
  /** A value the create schema rejects, or null when there is none (an optional json field). */
  invalidSample: string | null;
}

/** Everything `scripts/templates/module/*.tpl` may use. */
export interface ModuleTemplateData {
  /** `payment-method` in every case. */
  entity: NameForms;
  /** `payment-methods` in every case. */
  entities: NameForms;
  /** `a payment method`, `an order`. */
  aEntity: string;
  /** SQL table, `payment_methods`. */
  table: string;
  /** The exported Drizzle table, `paymentMethods`. */
  tableConst: string;
  /** `/payment-methods`. */
  route: string;
  /** Bus topics are `<topic>.created|updated|deleted`. */
  topic: string;
  /** Cache keys are `<cacheKey>:<id>`. */
  cacheKey: string;
  /** `paymentMethod.notFound`. */
  messageKey: string;
  /** `PAYMENT_METHOD_NOT_FOUND`. */
  errorCode: string;
  /** The `drizzle-orm/pg-core` named imports of the entity, sorted and joined. */
  drizzleImports: string;
  fields: TemplateField[];
  requiredFields: TemplateField[];
  optionalFields: TemplateField[];
  /** The field the PATCH test changes. */
  firstField: TemplateField;
  enums: PgEnumDeclaration[];
  /** `--public`: the controller is `@Public()` and the API test calls it anonymously. */
  isPublic: boolean;
  /** `--roles`: the arguments of the writes' `@Roles(...)`, `'admin', 'editor'`; empty: none. */
  writeRoles: string;
  /** The test principal's roles: the first write role, if any, as an array literal. */
  principalRoles: string;
}

/** `a payment`, `an order`, `a user`: good enough for doc comments and summaries. */
export function withArticle(words: string): string {
  // A "u" before one consonant and a vowel says "you" (user, unit, usage): it takes "a".
  const vowelSound = /^[aeio]/.test(words) || /^u(?![b-df-hj-np-tv-z][aeiou])/.test(words);
  return `${vowelSound ? 'an' : 'a'} ${words}`;
}

function templateField(field: FieldDescriptor, dtoType: string): TemplateField {
  const json = field.type === 'json';
  return {
    ...field,
    descriptionLiteral: tsString(field.description),
    rowValue: json ? `row.${field.name} as ${dtoType}['${field.name}']` : field.responseValue,
    // Any JSON value, null included, is a valid optional json field.
    invalidSample: json && field.optional ? null : field.sample.invalid,
  };
}

/** The module templates' data for a validated `generate module` command. */
export function moduleTemplateData(command: GenerateCommand): ModuleTemplateData {
  const { singular, plural } = command.names;
  const fields = command.fields.map((field) => templateField(field, singular.pascal));
  const [firstField] = fields;
  if (firstField === undefined) throw new Error('a module needs at least one field');
  return {
    entity: singular,
    entities: plural,
    aEntity: withArticle(singular.words),
    table: plural.snake,
    tableConst: plural.camel,
    route: `/${plural.kebab}`,
    topic: singular.kebab,
    cacheKey: singular.kebab,
    messageKey: `${singular.camel}.notFound`,
    errorCode: `${singular.constant}_NOT_FOUND`,
    drizzleImports: [...new Set([...drizzleImports(fields), 'pgTable', 'timestamp', 'uuid'])]
      .sort()
      .join(', '),
    fields,
    requiredFields: fields.filter((field) => !field.optional),
    optionalFields: fields.filter((field) => field.optional),
    firstField,
    enums: fields.flatMap((field) => (field.pgEnum === null ? [] : [field.pgEnum])),
    isPublic: command.isPublic,
    writeRoles: command.writeRoles.map(tsString).join(', '),
    principalRoles: tsStringArray(command.writeRoles.slice(0, 1)),
  };
}
