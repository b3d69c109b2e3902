/** Per schema and mode, once: the JSON Schema path (ajv, fast-json-stringify) or the Zod path. */
import { $ZodType } from 'zod/v4/core';
import { type JsonSchema, toValidationSchema } from './zod-json-schema.js';
import { type Coercer, type Finisher, planSchema, type SchemaMode } from './zod-plan.js';

/** The schema runs on ajv (and fast-json-stringify for responses). */
export interface JsonSchemaPath {
  exact: true;
  json: JsonSchema;
  finish: Finisher | undefined;
  coerce: Coercer | undefined;
}

/** The schema runs on Zod, for `reason`. */
export interface ZodPath {
  exact: false;
  reason: string;
}

/** Which path a schema takes. */
export type SchemaDecision = JsonSchemaPath | ZodPath;

const decisions = new WeakMap<object, Map<SchemaMode, SchemaDecision>>();

/** The decision for `schema` in `mode`, computed once per schema object. */
export function decideSchema(schema: unknown, mode: SchemaMode): SchemaDecision {
  if (!(schema instanceof $ZodType)) return { exact: false, reason: 'not a Zod schema' };
  let byMode = decisions.get(schema);
  if (!byMode) {
    byMode = new Map();
    decisions.set(schema, byMode);
  }
  let decision = byMode.get(mode);
  if (!decision) {
    decision = decide(schema, mode);
    byMode.set(mode, decision);
  }
  return decision;
}

function decide(schema: $ZodType, mode: SchemaMode): SchemaDecision {
  const plan = planSchema(schema, mode);
  if (!plan.exact) return plan;
  let converted: ReturnType<typeof toValidationSchema>;
  try {
    converted = toValidationSchema(schema, mode);
  } catch (error) {
    return { exact: false, reason: `z.toJSONSchema: ${(error as Error).message}` };
  }
  if ('unknownKeyword' in converted) {
    return { exact: false, reason: `JSON Schema keyword ${converted.unknownKeyword}` };
  }
  return { exact: true, json: converted.schema, finish: plan.finish, coerce: plan.coerce };
}
