/** Request validation: the route's Zod schema, then no NUL or broken Unicode in any string. */
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';

/** Catalog key of the message for a string Postgres (or any UTF-8 store) cannot hold. */
export const INVALID_TEXT_MESSAGE = 'validation.INVALID_TEXT';

// Postgres rejects NUL in text and jsonb (22021, 22P05); a lone surrogate (`\p{Cs}` in a `u`
// regex; a proper pair is one code point) cannot be encoded as UTF-8 and would be stored as U+FFFD.
const LONE_SURROGATE = /\p{Cs}/u;

function isBadText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** The paths of the strings (values and keys) in `root` that a text column could not store. */
export function badTextPaths(root: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const seen = new Set<object>();
  // An explicit stack: a deep but valid JSON value must not overflow the call stack.
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: root, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (isBadText(value)) found.push(path);
      continue;
    }
    if (!isContainer(value) || seen.has(value)) continue;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, Array.isArray(value) ? Number(key) : key];
      if (isBadText(key)) found.push(childPath);
      else stack.push({ value: child, path: childPath });
    }
  }
  return found;
}

// Only what JSON, query strings and params produce; class instances (Date...) hold no raw text.
function isContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Runs after the route's schema succeeded, on what the handler will receive.
const TEXT_CHECK = z.unknown().superRefine((value, ctx) => {
  for (const path of badTextPaths(value).reverse()) {
    ctx.addIssue({ code: 'custom', path, message: INVALID_TEXT_MESSAGE, input: undefined });
  }
});

/**
 * Fastify's validator compiler for the route's Zod schemas (body, querystring, params, headers):
 * fastify-type-provider-zod's, with the text check piped after each schema.
 */
export const requestValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) =>
  validatorCompiler({ ...route, schema: z.pipe(route.schema, TEXT_CHECK) });
