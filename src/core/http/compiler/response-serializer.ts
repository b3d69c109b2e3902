/**
 * Response serialization: where the response schema is exact in JSON Schema, ajv checks the value
 * and fast-json-stringify writes it (only the declared keys, in schema order, as Zod's output
 * would be); anything ajv rejects goes through Zod, which answers it exactly as before.
 */

import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { $ZodType } from 'zod/v4/core';
import { compileValidation } from './schema/ajv-instances.js';
import { decideSchema } from './schema/schema-decision.js';
import type { SchemaReporter } from './schema/schema-report.js';

type Route = Parameters<FastifySerializerCompiler<unknown>>[0];

// fastify-type-provider-zod accepts `{ properties: zodSchema }` too; so does this.
function zodSchemaOf(schema: unknown): unknown {
  if (schema instanceof $ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  return properties instanceof $ZodType ? properties : schema;
}

/** Fastify's serializer compiler for the route's Zod response schemas. */
export function createResponseSerializerCompiler(
  report?: SchemaReporter,
): FastifySerializerCompiler<unknown> {
  return (route: Route) => {
    const zod = serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
    const decision = decideSchema(zodSchemaOf(route.schema), 'response');
    report?.(`${route.method} ${route.url} response ${route.httpStatus}`, decision);
    if (!decision.exact) return zod;
    const { json } = decision;
    // Compiled on first use: most routes never send most of their documented statuses.
    let fast: Fast | undefined;
    return (data: unknown) => {
      fast ??= compileFast(json);
      return fast.validate(data) ? fast.stringify(data) : zod(data);
    };
  };
}

interface Fast {
  validate: (data: unknown) => boolean;
  stringify: (data: unknown) => string;
}

function compileFast(json: Record<string, unknown>): Fast {
  const writer = withoutRequired(structuredClone(json));
  return {
    validate: compileValidation(json, 'response'),
    stringify: fastJson(writer as unknown as Parameters<typeof fastJson>[0]),
  };
}

// fast-json-stringify writes required keys first; Zod's output (and so JSON.stringify) follows
// the shape. ajv has already checked `required`, so the writer does not need it.
function withoutRequired(node: Record<string, unknown>): Record<string, unknown> {
  delete node.required;
  for (const value of Object.values(node)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item === 'object' && item !== null)
        withoutRequired(item as Record<string, unknown>);
    }
  }
  return node;
}
