/** Reading a Zod 4 schema's definition, and the error that sends a schema back to Zod. */
import type { $ZodType } from 'zod/v4/core';

/** Thrown while planning: `reason` names the first construct JSON Schema cannot mirror. */
export class Inexact {
  constructor(readonly reason: string) {}
}

/** The parts of a Zod definition the planner reads. */
export interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  coerce?: boolean;
  catchall?: $ZodType;
  [key: string]: unknown;
}

/** A check (length, format, regex...) of a definition. */
export interface CheckDef {
  check: string;
  [key: string]: unknown;
}

/** The definition of `schema`. */
export const defOf = (schema: $ZodType): Def => schema._zod.def as unknown as Def;

/** ` at <path>` for a reason, nothing at the root. */
export function at(path: string): string {
  return path === '' ? '' : ` at ${path}`;
}
