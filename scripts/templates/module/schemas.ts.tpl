/** Zod schemas of the {{entity.words}} routes; the types are inferred from them. */
import { z } from 'zod';

/** Body of `POST {{route}}`. */
export const Create{{entity.pascal}}Body = z.object({
{{#each fields}}
  {{name}}: {{zodCreate}}.describe({{descriptionLiteral}}),
{{/each}}
});

/** Body of `PATCH {{route}}/:id`: any subset of the fields. */
export const Update{{entity.pascal}}Body = Create{{entity.pascal}}Body.partial();

/** Path parameters: a non-UUID id is a 400. */
export const {{entity.pascal}}IdParams = z.object({ id: z.uuid() });

/** Query of `GET {{route}}`. */
export const List{{entities.pascal}}Query = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});

/** One {{entity.words}} on the wire. */
export const {{entity.pascal}}Dto = z
  .object({
    id: z.uuid(),
{{#each fields}}
    {{name}}: {{zodResponse}}.describe({{descriptionLiteral}}),
{{/each}}
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: '{{entity.pascal}}' });

/** One page of {{entities.words}}. */
export const {{entity.pascal}}PageDto = z.object({ items: z.array({{entity.pascal}}Dto), nextCursor: z.string().nullable() });

/** A valid `POST {{route}}` body. */
export type Create{{entity.pascal}} = z.infer<typeof Create{{entity.pascal}}Body>;
/** A valid `PATCH {{route}}/:id` body. */
export type Update{{entity.pascal}} = z.infer<typeof Update{{entity.pascal}}Body>;
/** A valid `GET {{route}}` query. */
export type List{{entities.pascal}} = z.infer<typeof List{{entities.pascal}}Query>;
/** One {{entity.words}} as the API returns it. */
export type {{entity.pascal}} = z.infer<typeof {{entity.pascal}}Dto>;
/** One page of {{entities.words}}. */
export type {{entity.pascal}}Page = z.infer<typeof {{entity.pascal}}PageDto>;
