/**
 * The JSON Schema path against the Zod path, on random and adversarial inputs: the same decision,
 * the same parsed value, the same error paths and messages, the same serialized bytes.
 */

import { inspect, isDeepStrictEqual } from 'node:util';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import {
  createRequestValidatorCompiler,
  zodRequestValidatorCompiler,
} from '../../../../src/core/http/compiler/request-validator.js';
import { createResponseSerializerCompiler } from '../../../../src/core/http/compiler/response-serializer.js';
import { compileValidation } from '../../../../src/core/http/compiler/schema/ajv-instances.js';
import { decideSchema } from '../../../../src/core/http/compiler/schema/schema-decision.js';
import { type CorpusEntry, EXAMPLE_ENTRIES, TRICKY_ENTRIES } from './schema-corpus.js';
import { type ArbitraryMode, responseVariants, zodArbitrary } from './zod-arbitrary.js';

const RUNS = 300;

type Validator = (data: unknown) => { value?: unknown; error?: unknown };
type Serializer = (data: unknown) => string;

function validators(schema: $ZodType, mode: ArbitraryMode): { fast: Validator; zod: Validator } {
  const httpPart = mode === 'body' ? 'body' : 'querystring';
  const route = { schema, method: 'POST', url: '/x', httpPart } as never;
  return {
    fast: createRequestValidatorCompiler()(route) as Validator,
    zod: zodRequestValidatorCompiler(route) as Validator,
  };
}

function serializers(schema: $ZodType): { fast: Serializer; zod: Serializer } {
  const route = { schema, method: 'GET', url: '/x', httpStatus: '200' } as never;
  return {
    fast: createResponseSerializerCompiler()(route) as Serializer,
    zod: serializerCompiler(route) as Serializer,
  };
}

// What the client's bytes become: JSON bodies round-trip, query values are strings.
function asReceived(value: unknown, mode: ArbitraryMode): unknown {
  if (mode !== 'body') return value;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

function outcome(result: { value?: unknown; error?: unknown }) {
  if (result.error === undefined) return { ok: true, value: result.value };
  const validation = (result.error as { validation?: unknown }).validation;
  return { ok: false, validation };
}

function serialized(serialize: Serializer, value: unknown) {
  try {
    return { bytes: serialize(value) };
  } catch (error) {
    return { thrown: (error as Error).name };
  }
}

// node:util's deep equality: own keys such as `constructor` are data, not the class.
function sameValue(actual: unknown, expected: unknown): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect.fail(
    `fast path ${inspect(actual, { depth: 6 })}\nZod path ${inspect(expected, { depth: 6 })}`,
  );
}

// How often ajv itself said yes: an exact schema whose fast path never accepts proves nothing.
function ajvAccepts(entry: CorpusEntry, value: unknown): boolean {
  const decision = decideSchema(entry.schema, entry.mode);
  if (!decision.exact) return false;
  const input = entry.mode === 'coerced' ? { ...(value as object) } : structuredClone(value);
  return compileValidation(decision.json, entry.mode)(input) as boolean;
}

function checkRequests(entry: CorpusEntry): { accepted: number; total: number } {
  const { fast, zod } = validators(entry.schema, entry.mode);
  let accepted = 0;
  let total = 0;
  fc.assert(
    fc.property(zodArbitrary(entry.schema, entry.mode), (generated) => {
      const input = asReceived(generated, entry.mode);
      if (input === undefined) return;
      total += 1;
      if (ajvAccepts(entry, input)) accepted += 1;
      const expected = outcome(zod(structuredClone(input)));
      const original = structuredClone(input);
      const actual = outcome(fast(input));
      sameValue(actual, expected);
      if (!actual.ok) sameValue(input, original);
    }),
    { numRuns: RUNS },
  );
  return { accepted, total };
}

function checkResponses(entry: CorpusEntry): { accepted: number; total: number } {
  const { fast, zod } = serializers(entry.schema);
  let accepted = 0;
  let total = 0;
  const values = zodArbitrary(entry.schema, 'response').chain(responseVariants);
  fc.assert(
    fc.property(values, (value) => {
      total += 1;
      if (ajvAccepts(entry, value)) accepted += 1;
      sameValue(serialized(fast, value), serialized(zod, value));
    }),
    { numRuns: RUNS },
  );
  return { accepted, total };
}

function naiveAccepts(entry: CorpusEntry, value: unknown): { ok: boolean; value: unknown } {
  const ajv = new Ajv({ coerceTypes: entry.mode === 'coerced', useDefaults: true, strict: false });
  const json = z.toJSONSchema(entry.schema, { io: 'input', unrepresentable: 'any' });
  const { $schema: _, ...schema } = json as Record<string, unknown>;
  const copy = structuredClone(value);
  return { ok: ajv.validate(schema, copy), value: copy };
}

describe.each([
  ['the example app and the generator', EXAMPLE_ENTRIES],
  ['tricky schemas', TRICKY_ENTRIES],
])('JSON Schema path vs Zod path: %s', (_label, entries) => {
  it.each(entries.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const decision = decideSchema(entry.schema, entry.mode);
    expect({ exact: decision.exact, reason: decision.exact ? undefined : decision.reason }).toEqual(
      { exact: entry.exact, reason: entry.exact ? undefined : expect.any(String) },
    );
    const { accepted, total } =
      entry.mode === 'response' ? checkResponses(entry) : checkRequests(entry);
    if (entry.exact) {
      // Both the fast accept and the Zod-decided reject were exercised (typically 5-60 %).
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThan(total);
    }
    if (entry.witness !== undefined) {
      const zodResult = z.safeParse(entry.schema, structuredClone(entry.witness));
      const naive = naiveAccepts(entry, entry.witness);
      const agrees =
        naive.ok === zodResult.success &&
        (!naive.ok || JSON.stringify(naive.value) === JSON.stringify(zodResult.data));
      // A plain conversion would answer this input differently: the Zod path is needed.
      expect(agrees).toBe(false);
    }
  });
});
