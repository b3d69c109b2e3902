/** The ajv instances of the JSON Schema path, configured to agree with Zod, and compiled lazily. */
import { _, Ajv, type ValidateFunction } from 'ajv';
import { util } from 'zod/v4/core';
import type { JsonSchema } from './zod-json-schema.js';
import type { SchemaMode } from './zod-plan.js';

// Why each option: Zod counts string lengths in code points (as ajv does), tests its own regexes
// without flags (`unicodeRegExp: false`), rejects NaN and Infinity (`strictNumbers`), and never
// has ajv coerce, remove keys or insert defaults: ajv only decides; Zod's coercions run before it
// and the finisher shapes what it accepted.
const BASE = {
  allErrors: false,
  messages: false,
  unicodeRegExp: false,
  strictNumbers: true,
  strict: true,
  removeAdditional: false,
  useDefaults: false,
  validateFormats: false,
} as const;

const instances = new Map<SchemaMode, Ajv>();

function instanceFor(mode: SchemaMode): Ajv {
  let ajv = instances.get(mode);
  if (ajv) return ajv;
  ajv = new Ajv({ ...BASE, coerceTypes: false });
  if (mode === 'response') {
    // Zod reads an object's own properties; fast-json-stringify would call its toJSON().
    ajv.addKeyword({
      keyword: 'keelNoToJSON',
      type: 'object',
      schemaType: 'boolean',
      code(cxt) {
        cxt.fail(_`typeof ${cxt.data}.toJSON === "function"`);
      },
    });
    // z.record() takes plain objects only (z.object() reads any object's properties).
    ajv.addKeyword({
      keyword: 'keelPlainObject',
      type: 'object',
      schemaType: 'boolean',
      validate: (_schema: boolean, data: unknown) => util.isPlainObject(data),
    });
  }
  instances.set(mode, ajv);
  return ajv;
}

/** Compiles `schema` for `mode` (response schemas also refuse objects with a toJSON method). */
export function compileValidation(schema: JsonSchema, mode: SchemaMode): ValidateFunction {
  const source = mode === 'response' ? markObjects(structuredClone(schema)) : schema;
  return instanceFor(mode).compile(source);
}

function markObjects(node: JsonSchema): JsonSchema {
  if (node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'))) {
    node.keelNoToJSON = true;
    if (node.properties === undefined) node.keelPlainObject = true;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) markObjects(item);
    } else if (isNode(value)) {
      markObjects(value);
    }
  }
  return node;
}

function isNode(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
