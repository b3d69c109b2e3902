/** The `{{table}}` table. */
import { {{drizzleImports}} } from 'drizzle-orm/pg-core';
{{#each fields}}
{{#if pgEnum}}

/** The values of `{{table}}.{{column}}`. */
{{pgEnum.declaration}}
{{/if}}
{{/each}}

/** Drizzle table of {{entities.words}}. */
export const {{tableConst}} = pgTable('{{table}}', {
  id: uuid('id').primaryKey().defaultRandom(),
{{#each fields}}
  {{name}}: {{drizzleColumn}},
{{/each}}
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  // Set by Drizzle on every UPDATE that changes something; an empty PATCH writes nothing.
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

/** A row as stored. */
export type {{entity.pascal}}Row = typeof {{tableConst}}.$inferSelect;
