/** Zod 4's own `z.toJSONSchema`, cleaned for validation: no formats, defaults or annotations. */
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import type { SchemaMode } from './zod-plan.js';

/** A JSON Schema node. */
export type JsonSchema = { [key: string]: unknown };

// The keywords an exact plan can produce; anything else means the converter did something the
// plan did not foresee, and the schema stays on the Zod path.
const VALIDATING = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'allOf',
  'anyOf',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'const',
]);
// Zod checks patterns and applies defaults itself; ajv must not second-guess either.
const DROPPED = new Set([
  '$schema',
  'format',
  'default',
  'description',
  'title',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'contentEncoding',
  'contentMediaType',
]);

/** The JSON Schema ajv validates `schema` with, or the keyword that made it unusable. */
export function toValidationSchema(
  schema: $ZodType,
  mode: SchemaMode,
): { schema: JsonSchema } | { unknownKeyword: string } {
  const io = mode === 'response' ? 'output' : 'input';
  // An empty registry: every schema inlined (no $ref to registered ids), no annotations.
  const json = z.toJSONSchema(schema, {
    io,
    target: 'draft-07',
    metadata: z.registry(),
    unrepresentable: 'throw',
  }) as JsonSchema;
  const unknownKeyword = clean(json, mode);
  return unknownKeyword === undefined ? { schema: json } : { unknownKeyword };
}

// Cleans in place; returns the first keyword outside VALIDATING, if any.
function clean(node: JsonSchema, mode: SchemaMode): string | undefined {
  for (const key of Object.keys(node)) {
    // Keys are always strings; and ajv 8 skips the keywords after an empty object's
    // `propertyNames` loop (its `valid` flag stays unset), so it must not be there.
    if (DROPPED.has(key) || (key === 'propertyNames' && isPlainStringSchema(node[key]))) {
      delete node[key];
      continue;
    }
    if (!VALIDATING.has(key)) return key;
  }
  // A response object with extra keys is valid (they are not written), so ajv must allow them.
  if (mode === 'response' && node.additionalProperties === false) delete node.additionalProperties;
  for (const child of children(node)) {
    const found = clean(child, mode);
    if (found !== undefined) return found;
  }
  return undefined;
}

function isPlainStringSchema(value: unknown): boolean {
  return JSON.stringify(value) === '{"type":"string"}';
}

function children(node: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out.push(value as JsonSchema);
    }
  };
  for (const value of Object.values((node.properties as object | undefined) ?? {})) add(value);
  add(node.additionalProperties);
  if (Array.isArray(node.items)) node.items.forEach(add);
  else add(node.items);
  for (const list of [node.allOf, node.anyOf]) if (Array.isArray(list)) list.forEach(add);
  return out;
}
