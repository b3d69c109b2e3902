/**
 * Decides whether a Zod schema can be validated by JSON Schema (ajv) with exactly Zod's result,
 * and builds what ajv leaves to do: strip unknown keys, fill defaults.
 */
import type { $ZodType } from 'zod/v4/core';
import { hasBadText } from './bad-text.js';
import { type Coercer, coercerOf } from './zod-coercion.js';
import { at, type CheckDef, type Def, defOf, Inexact } from './zod-def.js';

/** Where the schema validates: a JSON body, a part of strings (query, params, headers), a response. */
export type SchemaMode = 'body' | 'coerced' | 'response';

/** Applied to a value ajv accepted, in place: what Zod's parse would also have done to it. */
export type Finisher = (value: unknown) => void;

export type { Coercer } from './zod-coercion.js';

/** The schema is exact in JSON Schema; `finish` is present when accepted values need shaping. */
export interface ExactPlan {
  exact: true;
  finish: Finisher | undefined;
  coerce: Coercer | undefined;
}

/** The schema keeps the Zod path; `reason` names the first construct that decided it. */
export interface ZodPlan {
  exact: false;
  reason: string;
}

/** The decision for one schema in one mode. */
export type SchemaPlan = ExactPlan | ZodPlan;

// Formats whose Zod check is exactly `pattern.test(value)` (no URL parser, no extra logic).
const PATTERN_FORMATS = new Set([
  'email',
  'uuid',
  'guid',
  'nanoid',
  'cuid',
  'cuid2',
  'ulid',
  'xid',
  'ksuid',
  'datetime',
  'date',
  'time',
  'duration',
  'ipv4',
  'e164',
  'lowercase',
  'uppercase',
  'regex',
  'starts_with',
  'ends_with',
  'includes',
]);
const NUMBER_FORMATS = new Set(['safeint', 'int32', 'uint32', 'float32', 'float64']);
const PRIMITIVES = new Set(['string', 'number', 'boolean', 'null', 'literal', 'enum']);

/** The plan for `schema` in `mode`. */
export function planSchema(schema: $ZodType, mode: SchemaMode): SchemaPlan {
  try {
    const finish = walk(schema, mode, '');
    const coerce = mode === 'coerced' ? coercerOf(schema) : undefined;
    return { exact: true, finish, coerce };
  } catch (error) {
    if (error instanceof Inexact) return { exact: false, reason: error.reason };
    throw error;
  }
}

// Returns the finisher of this node (undefined when accepted values need nothing).
function walk(schema: $ZodType, mode: SchemaMode, path: string): Finisher | undefined {
  const def = defOf(schema);
  checksOf(def, path);
  switch (def.type) {
    case 'string':
    case 'any':
    case 'unknown':
      return undefined;
    case 'number':
    case 'boolean':
    case 'null':
      return undefined;
    case 'literal':
    case 'enum':
      return literalValues(def, path);
    case 'object':
      return objectFinisher(schema, mode, path);
    case 'array':
      return arrayFinisher(def.element as $ZodType, mode, `${path}[]`);
    case 'record':
      return recordFinisher(def, mode, path);
    case 'optional':
      return wrapped(def.innerType as $ZodType, mode, path);
    case 'nullable':
      return wrapped(def.innerType as $ZodType, mode, path);
    case 'union':
      return unionOf(def, mode, path);
    default:
      throw new Inexact(`${def.type}${at(path)}`);
  }
}

function checksOf(def: Def, path: string): void {
  const own = typeof def.check === 'string' ? [def as unknown as CheckDef] : [];
  for (const check of [...own, ...(def.checks ?? []).map((c) => c._zod.def)]) {
    checkIsExact(check, path);
  }
}

function checkIsExact(check: CheckDef, path: string): void {
  const when = check.when as Function | undefined;
  if (when !== undefined && when.name !== '_whenHasLength') {
    throw new Inexact(`a check with \`when\`${at(path)}`);
  }
  switch (check.check) {
    case 'min_length':
    case 'max_length':
    case 'length_equals':
      return;
    case 'greater_than':
    case 'less_than':
      if (typeof check.value !== 'number') throw new Inexact(`a non-number bound${at(path)}`);
      return;
    case 'number_format':
      if (!NUMBER_FORMATS.has(String(check.format))) {
        throw new Inexact(`number format ${String(check.format)}${at(path)}`);
      }
      return;
    case 'string_format':
      patternCheck(check, path);
      return;
    case 'overwrite':
      throw new Inexact(`a value rewrite (trim, toLowerCase, overwrite...)${at(path)}`);
    case 'custom':
      throw new Inexact(`refine or superRefine${at(path)}`);
    default:
      throw new Inexact(`check ${check.check}${at(path)}`);
  }
}

function patternCheck(check: CheckDef, path: string): void {
  const format = String(check.format);
  const pattern = check.pattern;
  if (!PATTERN_FORMATS.has(format)) throw new Inexact(`string format ${format}${at(path)}`);
  if (!(pattern instanceof RegExp)) throw new Inexact(`string format ${format}${at(path)}`);
  if (pattern.flags !== '') {
    throw new Inexact(`a pattern with flags /${pattern.flags}${at(path)}`);
  }
  if (format === 'includes' && check.position !== undefined) {
    throw new Inexact(`includes() with a position${at(path)}`);
  }
}

function literalValues(def: Def, path: string): undefined {
  const values =
    def.type === 'enum' ? Object.values(def.entries as object) : (def.values as unknown[]);
  const allowed = (value: unknown): boolean =>
    value === null || ['string', 'boolean'].includes(typeof value) || Number.isFinite(value);
  if (!values.every(allowed)) throw new Inexact(`${def.type} with these values${at(path)}`);
  return undefined;
}

function wrapped(inner: $ZodType, mode: SchemaMode, path: string): Finisher | undefined {
  const finish = walk(inner, mode, path);
  if (!finish) return undefined;
  return (value) => {
    if (value !== null && value !== undefined) finish(value);
  };
}

function unionOf(def: Def, mode: SchemaMode, path: string): undefined {
  // Zod takes the first option that parses; with primitive options that is the input itself.
  for (const option of def.options as $ZodType[]) {
    if (!PRIMITIVES.has(defOf(option).type))
      throw new Inexact(`union of non-primitives${at(path)}`);
    walk(option, mode, path);
  }
  return undefined;
}

function arrayFinisher(element: $ZodType, mode: SchemaMode, path: string): Finisher | undefined {
  const finish = walk(element, mode, path);
  if (!finish) return undefined;
  return (value) => {
    if (Array.isArray(value)) for (const item of value) finish(item);
  };
}

function recordFinisher(def: Def, mode: SchemaMode, path: string): Finisher | undefined {
  const key = defOf(def.keyType as $ZodType);
  if (key.type !== 'string' || (key.checks ?? []).length > 0 || key.check !== undefined) {
    throw new Inexact(`a record whose keys are not plain strings${at(path)}`);
  }
  const finish = walk(def.valueType as $ZodType, mode, `${path}.*`);
  if (!finish) return undefined;
  return (value) => {
    for (const item of Object.values(value as object)) finish(item);
  };
}

interface Property {
  key: string;
  /** Zod's default getter (calls a default function per parse, as Zod does). */
  fill?: () => unknown;
  finish?: Finisher;
}

function objectFinisher(schema: $ZodType, mode: SchemaMode, path: string): Finisher | undefined {
  const def = defOf(schema);
  const strip = catchallIsStrip(def, mode, path);
  const shape = def.shape as Record<string, $ZodType>;
  const properties = Object.entries(shape).map(([key, value]) =>
    property(key, value, mode, path === '' ? key : `${path}.${key}`),
  );
  const known = new Set(Object.keys(shape));
  const filled = properties.filter((p) => p.fill !== undefined);
  const nested = properties.filter((p) => p.finish !== undefined);
  // Responses: fast-json-stringify writes only the declared keys, so nothing to strip.
  const strips = strip && mode !== 'response';
  if (!strips && filled.length === 0 && nested.length === 0) return undefined;
  return (value) => {
    if (typeof value !== 'object' || value === null) return;
    const target = value as Record<string, unknown>;
    if (strips) for (const key of Object.keys(target)) if (!known.has(key)) delete target[key];
    for (const { key, fill } of filled) if (target[key] === undefined) target[key] = fill!();
    for (const { key, finish } of nested) finish!(target[key]);
  };
}

function catchallIsStrip(def: Def, mode: SchemaMode, path: string): boolean {
  if (def.catchall === undefined) return true;
  const type = defOf(def.catchall).type;
  if (type === 'never') {
    // A strict response would be a 500 for an extra key: Zod decides those.
    if (mode === 'response') throw new Inexact(`a strict object in a response${at(path)}`);
    return false;
  }
  if (type === 'unknown' && mode !== 'response') return false;
  throw new Inexact(`an object with a catchall${at(path)}`);
}

function property(key: string, schema: $ZodType, mode: SchemaMode, path: string): Property {
  const def = defOf(schema);
  if (def.type !== 'default') {
    const finish = walk(schema, mode, path);
    return finish ? { key, finish } : { key };
  }
  if (mode === 'response') throw new Inexact(`a default in a response${at(path)}`);
  const inner = def.innerType as $ZodType;
  if (['default', 'optional', 'prefault'].includes(defOf(inner).type)) {
    throw new Inexact(`nested defaults${at(path)}`);
  }
  const finish = walk(inner, mode, path);
  if (!defaultIsValid(inner, def)) throw new Inexact(`a default its own schema rejects${at(path)}`);
  if (hasBadText(def.defaultValue))
    throw new Inexact(`a default with NUL or a lone surrogate${at(path)}`);
  const fill = () => def.defaultValue;
  return finish ? { key, fill, finish } : { key, fill };
}

// The finisher fills defaults without checking them, as Zod does; Keel's text check would not.
function defaultIsValid(inner: $ZodType, def: Def): boolean {
  const value = def.defaultValue;
  const result = (
    inner as unknown as { safeParse?: (v: unknown) => { success: boolean } }
  ).safeParse?.(value);
  return result?.success === true;
}
