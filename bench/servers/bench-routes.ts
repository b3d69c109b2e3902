/** The two routes of scenarios 1 and 2, defined once: payloads, Zod and JSON schemas, handlers. */
import { z } from 'zod';

/** Scenario 1: the small JSON object every GET /hello answers. */
export const HELLO = { message: 'hello, world', ok: true, version: 1 } as const;

/** Scenario 2: the body the load generator posts to /items. */
export const ITEM_REQUEST = { name: 'Ada Lovelace', email: 'ada@example.com', tags: ['math'] };

/** Scenario 2 body in Zod (strict, as Keel makes every body). */
export const CreateItemBody = z.strictObject({
  name: z.string().min(1).max(100),
  email: z.email(),
  tags: z.array(z.string().max(30)).max(10).optional(),
});

/** Scenario 2 response in Zod. */
export const ItemDto = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
});

/** A validated scenario 2 body. */
export type CreateItem = z.infer<typeof CreateItemBody>;

/** A scenario 2 response. */
export type Item = z.infer<typeof ItemDto>;

/** The same body schema in JSON Schema, for plain Fastify (Ajv). */
export const createItemBodyJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'email'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    email: { type: 'string', format: 'email' },
    tags: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 30 } },
  },
} as const;

/** The same response schema in JSON Schema, for plain Fastify (fast-json-stringify). */
export const itemJsonSchema = {
  type: 'object',
  required: ['id', 'name', 'email', 'tags', 'createdAt'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    email: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    createdAt: { type: 'string' },
  },
} as const;

let nextId = 0;

/** The handler logic every configuration shares: echo the body with an id and a timestamp. */
export function createItem(body: CreateItem): Item {
  nextId += 1;
  return {
    id: nextId,
    name: body.name,
    email: body.email,
    tags: body.tags ?? [],
    createdAt: new Date().toISOString(),
  };
}
