/** fast-check values for a Zod schema: mostly near-valid, with wrong types and edge cases mixed in. */
import fc from 'fast-check';
import type { $ZodType } from 'zod/v4/core';

/** What the value will be fed to: a JSON body, a query/params part (strings), or a response. */
export type ArbitraryMode = 'body' | 'coerced' | 'response';

type Def = Record<string, unknown> & { type: string; checks?: Array<{ _zod: { def: Check } }> };
type Check = Record<string, unknown> & { check: string };

const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

const EDGE_STRINGS = [
  '',
  ' ',
  '  padded  ',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '😀',
  '😀😀',
  'é',
  'e\u0301',
  'ABC',
  'abc',
  '12',
  ' 12 ',
  '0x10',
  '1e3',
  '1.5',
  '-0',
  'Infinity',
  'NaN',
  'true',
  'false',
  'null',
  '2024-02-29',
  '2023-02-29',
  '2024-01-01T00:00:00Z',
  '2024-01-01T00:00:00+02:00',
  '2024-01-01T00:00:00.123456Z',
  'a@b.co',
  'ada@example.com',
  'not an email',
  '00000000-0000-0000-0000-000000000000',
  '123e4567-e89b-12d3-a456-426614174000',
  '127.0.0.1',
  '256.1.1.1',
];

const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2, depthSize: 'small' });
// Marks a key the generated object leaves out.
const OMIT = Symbol('omit');

function stringsFor(def: Def): fc.Arbitrary<string> {
  const checks = [def, ...(def.checks ?? []).map((c) => c._zod.def)];
  const arbitraries: Array<fc.WeightedArbitrary<string>> = [
    { weight: 1, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  ];
  const add = (arbitrary: fc.Arbitrary<string>, weight = 2) =>
    arbitraries.push({ weight, arbitrary });
  for (const check of checks) {
    if (check.pattern instanceof RegExp && check.pattern.flags === '') {
      add(fc.stringMatching(check.pattern), 12);
    }
    for (const key of ['minimum', 'maximum', 'length'] as const) {
      const size = check[key];
      if (typeof size !== 'number') continue;
      add(fc.string({ minLength: Math.max(0, size - 1), maxLength: size + 1 }), 6);
      add(
        fc.string({ unit: 'grapheme', minLength: Math.max(0, size - 1), maxLength: size + 1 }),
        6,
      );
    }
  }
  return fc.oneof(...arbitraries);
}

function numbersFor(def: Def, mode: ArbitraryMode): fc.Arbitrary<unknown> {
  const bounds = (def.checks ?? [])
    .map((c) => c._zod.def.value)
    .filter((v): v is number => typeof v === 'number');
  const near = bounds.flatMap((b) => [b - 1, b - 0.5, b, b + 0.5, b + 1]);
  const low = Math.max(-1e6, Math.min(-20, ...bounds) - 2);
  const high = Math.min(1e6, Math.max(...bounds.map((b) => b + 2), low + 40));
  const numbers = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: Math.ceil(low), max: Math.floor(high) }) },
    { weight: 3, arbitrary: fc.constantFrom(0, -0, 1.5, ...near) },
    {
      weight: 1,
      arbitrary: fc.double({ noNaN: mode === 'body', noDefaultInfinity: mode === 'body' }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 31) - 1),
    },
  );
  if (mode !== 'coerced') return numbers;
  return fc.oneof(
    numbers.map(String),
    fc.constantFrom(...EDGE_STRINGS),
    numbers.map((n) => ` ${String(n)} `),
  );
}

function objectFor(def: Def, mode: ArbitraryMode): fc.Arbitrary<unknown> {
  const shape = def.shape as Record<string, $ZodType>;
  const entries = Object.entries(shape).map(
    ([key, value]) => [key, fc.option(zodArbitrary(value, mode), { freq: 15, nil: OMIT })] as const,
  );
  const known = fc.record(Object.fromEntries(entries));
  const extras = fc.dictionary(
    fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a\u0000', 'toJSON', 'constructor')),
    mode === 'coerced' ? fc.string({ maxLength: 4 }) : anyJson,
    { maxKeys: 2 },
  );
  return fc.tuple(known, fc.option(extras, { freq: 8 })).map(([base, extra]) => {
    const out: Record<string, unknown> = { ...(extra ?? {}) };
    for (const [key, value] of Object.entries(base)) if (value !== OMIT) out[key] = value;
    return out;
  });
}

/** An arbitrary for `schema` in `mode`. */
export function zodArbitrary(schema: $ZodType, mode: ArbitraryMode): fc.Arbitrary<unknown> {
  const typed = typedArbitrary(schema, mode);
  const wrong = mode === 'coerced' ? fc.constantFrom(...EDGE_STRINGS) : anyJson;
  return fc.oneof({ weight: 20, arbitrary: typed }, { weight: 1, arbitrary: wrong });
}

function oneOfMostly(usual: fc.Arbitrary<unknown>, other: fc.Arbitrary<unknown>) {
  return fc.oneof({ weight: 6, arbitrary: usual }, { weight: 1, arbitrary: other });
}

function typedArbitrary(schema: $ZodType, mode: ArbitraryMode): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringsFor(def);
    case 'number':
      return numbersFor(def, mode);
    case 'boolean':
      return mode === 'coerced' ? fc.constantFrom('true', 'false', '1', '') : fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return oneOfMostly(fc.constantFrom(...Object.values(def.entries as object)), fc.string());
    case 'literal':
      return oneOfMostly(fc.constantFrom(...(def.values as unknown[])), fc.string());
    case 'object':
      return objectFor(def, mode);
    case 'array':
      return fc.array(zodArbitrary(def.element as $ZodType, mode), { maxLength: 5 });
    case 'record':
      return fc.dictionary(
        fc.string({ maxLength: 5 }),
        zodArbitrary(def.valueType as $ZodType, mode),
        {
          maxKeys: 3,
        },
      );
    case 'optional':
    case 'default':
      return fc.option(zodArbitrary(def.innerType as $ZodType, mode), { nil: undefined });
    case 'nullable':
      return fc.option(zodArbitrary(def.innerType as $ZodType, mode), { nil: null });
    case 'union':
      return fc.oneof(...(def.options as $ZodType[]).map((o) => zodArbitrary(o, mode)));
    default:
      return mode === 'coerced' ? fc.string() : anyJson;
  }
}

class WithToJSON {
  constructor(readonly value: Record<string, unknown>) {
    Object.assign(this, value);
  }
  toJSON() {
    return { replaced: true };
  }
}

/** What a handler might return instead of a plain object: the same keys in other clothes. */
export function responseVariants(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fc.constantFrom(value, undefined, Number.NaN, new Date(0));
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  return fc.constantFrom(
    value,
    new WithToJSON(record),
    Object.assign(Object.create({ inherited: 'x' }), record),
    { ...record, extra: 'not declared', nested: { deep: 1 } },
    Object.fromEntries(keys.map((key) => [key, undefined])),
    ...keys.map((key) => ({ ...record, [key]: new Date(0) })),
    ...keys.map((key) => ({ ...record, [key]: Number.NaN })),
  );
}
