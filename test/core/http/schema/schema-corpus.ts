/** The schemas the differential test runs: the example app's, the generator's, and tricky ones. */
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';
import { parseFields } from '../../../../scripts/lib/fields.js';
import { ErrorBody } from '../../../../src/core/http/server/error-body.schema.js';
import {
  HealthCheckDto,
  LivenessDto,
  ReadinessDto,
} from '../../../../src/modules/health/health.schemas.js';
import {
  CreateUserBody,
  ListUsersQuery,
  UpdateUserBody,
  UserDto,
  UserIdParams,
  UserPageDto,
} from '../../../../src/modules/user/user.schemas.js';
import type { ArbitraryMode } from './zod-arbitrary.js';

/** One schema, where it validates, and which path Keel must choose for it. */
export interface CorpusEntry {
  name: string;
  schema: $ZodType;
  mode: ArbitraryMode;
  exact: boolean;
  /** For a Zod-path schema: an input on which naive JSON Schema (ajv) and Zod disagree. */
  witness?: unknown;
}

// Keel makes every body strict (route-schema.ts), so the corpus tests bodies that way.
const strict = (schema: z.ZodObject) => schema.strict();

const GENERATED = parseFields(
  [
    'title:string(1..20)',
    'code:char(3)',
    'note:text?',
    'count:integer',
    'total:bigint',
    'ratio:number',
    'price:decimal(10,2)',
    'active:boolean',
    'ref:uuid',
    'day:date',
    'at:timestamp',
    'data:json',
    'state:enum(draft|sent|paid)',
    'label:string?',
  ].join(','),
  { entity: 'thing' },
);

function evaluate(expression: string): $ZodType {
  return new Function('z', `return ${expression};`)(z) as $ZodType;
}

// Generated types Keel must keep on Zod: transforms (bigint, timestamp), refinements (json).
const EXPECTED_ZOD = [/ bigint \(body\)/, / timestamp \(body\)/, / json /];

/** The generator's field types, one field each, as create bodies and as responses. */
export const GENERATOR_ENTRIES: CorpusEntry[] = GENERATED.flatMap((field) => {
  const create = evaluate(field.zodCreate);
  const response = evaluate(field.zodResponse);
  return [
    entry(`generated ${field.spec} (body)`, strict(z.object({ [field.name]: create })), 'body'),
    entry(`generated ${field.spec} (response)`, z.object({ [field.name]: response }), 'response'),
  ];
});

function entry(name: string, schema: $ZodType, mode: ArbitraryMode): CorpusEntry {
  return { name, schema, mode, exact: !EXPECTED_ZOD.some((pattern) => pattern.test(name)) };
}

/** The example app's schemas. */
export const EXAMPLE_ENTRIES: CorpusEntry[] = [
  { name: 'CreateUserBody', schema: strict(CreateUserBody), mode: 'body', exact: false },
  { name: 'UpdateUserBody', schema: strict(UpdateUserBody), mode: 'body', exact: false },
  { name: 'UserIdParams', schema: UserIdParams, mode: 'coerced', exact: true },
  { name: 'ListUsersQuery', schema: ListUsersQuery, mode: 'coerced', exact: true },
  { name: 'UserDto', schema: UserDto, mode: 'response', exact: true },
  { name: 'UserPageDto', schema: UserPageDto, mode: 'response', exact: true },
  { name: 'LivenessDto', schema: LivenessDto, mode: 'response', exact: true },
  { name: 'ReadinessDto', schema: ReadinessDto, mode: 'response', exact: true },
  { name: 'HealthCheckDto', schema: HealthCheckDto, mode: 'response', exact: true },
  { name: 'ErrorBody', schema: ErrorBody, mode: 'response', exact: true },
  ...GENERATOR_ENTRIES,
];

/** Schemas chosen to catch a converter that is almost right. */
export const TRICKY_ENTRIES: CorpusEntry[] = [
  {
    name: 'lengths in code points (as Zod 4.6 counts them)',
    schema: strict(z.object({ s: z.string().min(2).max(3), t: z.string().length(2) })),
    mode: 'body',
    exact: true,
  },
  {
    name: 'number bounds and integer formats',
    schema: strict(
      z.object({ n: z.number().gt(0).lte(10), i: z.int(), j: z.int32(), u: z.uint32() }),
    ),
    mode: 'body',
    exact: true,
  },
  {
    name: 'pattern formats: email, uuid, ISO date and date-time',
    schema: strict(
      z.object({ e: z.email(), u: z.uuid(), d: z.iso.date(), t: z.iso.datetime({ offset: true }) }),
    ),
    mode: 'body',
    exact: true,
  },
  {
    name: 'pattern formats: ipv4, regex, startsWith, endsWith, includes',
    schema: strict(
      z.object({
        ip: z.ipv4(),
        r: z.string().regex(/^[a-z]+\d?$/),
        s: z.string().startsWith('ab'),
        f: z.string().endsWith('yz'),
        m: z.string().includes('m'),
      }),
    ),
    mode: 'body',
    exact: true,
  },
  {
    name: 'nested strip objects in a strict body',
    schema: strict(
      z.object({ a: z.object({ b: z.string(), c: z.array(z.object({ d: z.number() })) }) }),
    ),
    mode: 'body',
    exact: true,
  },
  {
    name: 'nullable, optional and defaults',
    schema: strict(
      z.object({
        a: z.string().nullable(),
        b: z.number().optional(),
        c: z.string().default('x'),
        d: z.array(z.string()).default([]),
        e: z.object({ f: z.boolean().default(true) }).optional(),
      }),
    ),
    mode: 'body',
    exact: true,
  },
  {
    name: 'unions of primitives, literals, enums',
    schema: strict(
      z.object({
        u: z.union([z.string().max(2), z.number()]),
        l: z.literal('x'),
        m: z.literal(['a', 1, true]),
        e: z.enum(['asc', 'desc']),
      }),
    ),
    mode: 'body',
    exact: true,
  },
  {
    name: 'records and loose objects',
    schema: strict(
      z.object({ r: z.record(z.string(), z.number()), l: z.looseObject({ a: z.string() }) }),
    ),
    mode: 'body',
    exact: true,
  },
  {
    name: 'a query with coercions and defaults',
    schema: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      q: z.string().min(1).optional(),
      tags: z.array(z.string()).optional(),
      sort: z.enum(['asc', 'desc']).optional(),
      n: z.array(z.coerce.number()).optional(),
      f: z.coerce.number().gte(-1.5).lt(1e6).optional(),
    }),
    mode: 'coerced',
    exact: true,
  },
  {
    name: 'a query with z.coerce.boolean(), z.number() and nullable',
    schema: z.object({
      b: z.coerce.boolean().optional(),
      n: z.number().optional(),
      m: z.coerce.number().nullable().optional(),
      s: z.coerce.string().max(3).optional(),
    }),
    mode: 'coerced',
    exact: true,
  },
  {
    name: 'a loose query',
    schema: z.looseObject({ page: z.coerce.number().int().optional() }),
    mode: 'coerced',
    exact: true,
  },
  {
    name: 'a response with nesting, nullables and unknown',
    schema: z.object({
      a: z.string(),
      n: z.number(),
      o: z.object({ x: z.boolean(), y: z.string().optional() }).nullable(),
      arr: z.array(z.int()),
      u: z.unknown().optional(),
      rec: z.record(z.string(), z.string()),
      lit: z.union([z.literal('on'), z.null()]),
    }),
    mode: 'response',
    exact: true,
  },
  // Zod path: each with an input on which a naive conversion would disagree with Zod.
  ...zodPath('trim', strict(z.object({ s: z.string().trim().min(1) })), 'body', { s: '   ' }),
  ...zodPath('toLowerCase', strict(z.object({ s: z.string().toLowerCase() })), 'body', { s: 'A' }),
  ...zodPath('refine', strict(z.object({ s: z.string().refine((v) => v !== 'no') })), 'body', {
    s: 'no',
  }),
  ...zodPath(
    'superRefine',
    strict(z.object({ n: z.number() })).superRefine(() => {}),
    'body',
  ),
  ...zodPath('transform', strict(z.object({ s: z.string().transform(Number) })), 'body'),
  ...zodPath('a regex with the i flag', strict(z.object({ s: z.string().regex(/^a$/i) })), 'body', {
    s: 'A',
  }),
  ...zodPath('z.url()', strict(z.object({ s: z.url() })), 'body'),
  ...zodPath('z.ipv6()', strict(z.object({ s: z.ipv6() })), 'body'),
  ...zodPath('z.base64()', strict(z.object({ s: z.base64() })), 'body'),
  ...zodPath('multipleOf', strict(z.object({ n: z.number().multipleOf(0.1) })), 'body', {
    n: 0.3,
  }),
  ...zodPath('z.date()', strict(z.object({ d: z.date() })), 'body'),
  ...zodPath('z.custom()', strict(z.object({ c: z.custom<string>(() => false) })), 'body'),
  ...zodPath(
    'a union of objects',
    strict(z.object({ u: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]) })),
    'body',
  ),
  ...zodPath(
    'a discriminated union',
    z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b') })]),
    'body',
  ),
  ...zodPath('a tuple', strict(z.object({ t: z.tuple([z.string(), z.number()]) })), 'body'),
  ...zodPath('a strict response', z.strictObject({ a: z.string() }), 'response'),
  ...zodPath('a default in a response', z.object({ a: z.string().default('x') }), 'response'),
  ...zodPath('a readonly object', strict(z.object({ a: z.string() })).readonly(), 'body'),
  ...zodPath('catch', strict(z.object({ a: z.string().catch('x') })), 'body', { a: 1 }),
  ...zodPath('z.stringbool() in a query', z.object({ b: z.stringbool() }), 'coerced'),
];

function zodPath(
  name: string,
  schema: $ZodType,
  mode: ArbitraryMode,
  witness?: unknown,
): CorpusEntry[] {
  return [{ name: `Zod path: ${name}`, schema, mode, exact: false, witness }];
}
