/** Zod's own coercions of a string part (query, params, headers), for the JSON Schema path. */
import type { $ZodType } from 'zod/v4/core';
import { at, type Def, defOf, Inexact } from './zod-def.js';

/** Zod's coercions of a string part, applied to a copy before ajv sees it. */
export type Coercer = (copy: Record<string, unknown>) => void;

const COERCIONS: Record<string, (value: unknown) => unknown> = {
  number: Number,
  string: String,
  boolean: Boolean,
};

// z.coerce.* converts with Number(), String(), Boolean() before checking; ajv's own coercion
// differs ("" is 0 for Zod, "false" is true), so Keel applies Zod's, on the top-level keys of the
// copy (and the items of their arrays), which is all a query string or params can hold.
export function coercerOf(schema: $ZodType): Coercer | undefined {
  const def = defOf(schema);
  if (def.type !== 'object') return undefined;
  const entries = Object.entries(def.shape as Record<string, $ZodType>).flatMap(([key, value]) => {
    const convert = valueCoercer(value, key);
    return convert ? [[key, convert] as const] : [];
  });
  if (entries.length === 0) return undefined;
  return (copy) => {
    for (const [key, convert] of entries) {
      const value = copy[key];
      if (value !== undefined && value !== null) copy[key] = convert(value);
    }
  };
}

function valueCoercer(schema: $ZodType, path: string): ((value: unknown) => unknown) | undefined {
  const def = defOf(schema);
  if (['optional', 'nullable', 'default'].includes(def.type)) {
    return valueCoercer(def.innerType as $ZodType, path);
  }
  if (def.type === 'array') {
    const item = leafCoercer(defOf(def.element as $ZodType), path);
    return item ? (value) => (Array.isArray(value) ? value.map(item) : value) : undefined;
  }
  return leafCoercer(def, path);
}

function leafCoercer(def: Def, path: string): ((value: unknown) => unknown) | undefined {
  if (def.coerce !== true) return undefined;
  const convert = COERCIONS[def.type];
  if (!convert) throw new Inexact(`z.coerce.${def.type}()${at(path)}`);
  return convert;
}
