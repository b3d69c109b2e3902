/**
 * Request validation: ajv on Zod's own JSON Schema where that is exact, Zod otherwise; then no NUL
 * or broken Unicode in any string. A value ajv rejects is always decided (and explained) by Zod.
 */
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { compileValidation } from './schema/ajv-instances.js';
import { badTextPaths, hasBadText } from './schema/bad-text.js';
import { decideSchema } from './schema/schema-decision.js';
import type { SchemaReporter } from './schema/schema-report.js';
import type { Coercer } from './schema/zod-plan.js';

/** Catalog key of the message for a string Postgres (or any UTF-8 store) cannot hold. */
export const INVALID_TEXT_MESSAGE = 'validation.INVALID_TEXT';

// Runs after the route's schema succeeded, on what the handler will receive.
const TEXT_CHECK = z.unknown().superRefine((value, ctx) => {
  for (const path of badTextPaths(value).reverse()) {
    ctx.addIssue({ code: 'custom', path, message: INVALID_TEXT_MESSAGE, input: undefined });
  }
});

type Validator = ReturnType<FastifySchemaCompiler<$ZodType>>;

/** The Zod path alone: fastify-type-provider-zod's validator with the text check piped after. */
export const zodRequestValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) =>
  validatorCompiler({ ...route, schema: z.pipe(route.schema, TEXT_CHECK) });

/** Fastify's validator compiler for the route's Zod schemas (body, querystring, params, headers). */
export function createRequestValidatorCompiler(
  report?: SchemaReporter,
): FastifySchemaCompiler<$ZodType> {
  return (route) => {
    const zod = zodRequestValidatorCompiler(route) as Validator;
    const mode = route.httpPart === 'body' ? 'body' : 'coerced';
    const decision = decideSchema(route.schema, mode);
    report?.(`${route.method} ${route.url} ${route.httpPart ?? 'body'}`, decision);
    if (!decision.exact) return zod;
    const { json, finish, coerce } = decision;
    let validate: ReturnType<typeof compileValidation> | undefined;
    return (data: unknown) => {
      validate ??= compileValidation(json, mode);
      const input = mode === 'coerced' ? copyOfStrings(data, coerce) : data;
      // Text is checked before shaping, so a rejected body reaches Zod untouched; a bad key that
      // Zod would have stripped only sends the request down the Zod path, which accepts it.
      if (validate(input) && !hasBadText(input)) {
        finish?.(input);
        return { value: input };
      }
      return zod(data);
    };
  };
}

// Coercion and stripping work on a copy, so Zod sees what the client sent when ajv rejects.
function copyOfStrings(data: unknown, coerce: Coercer | undefined): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const copy: Record<string, unknown> = { ...data };
  coerce?.(copy);
  return copy;
}
