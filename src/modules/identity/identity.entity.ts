/**
 * The identity tables: accounts, their sign-in sessions, the sessions' refresh tokens (hashes
 * only) and the outside identities (OIDC) linked to accounts. Emails are stored lowercase.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Drizzle table of accounts; `password_hash` is null for accounts made by an OIDC sign-in. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: varchar('email', { length: 254 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    passwordHash: text('password_hash'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [uniqueIndex('accounts_email_unique').on(table.email)],
);

/** Drizzle table of sign-in sessions; the id is the access tokens' `sid` claim. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokeReason: text('revoke_reason'),
    ip: varchar('ip', { length: 45 }),
    userAgent: varchar('user_agent', { length: 512 }),
  },
  (table) => [index('auth_sessions_account_idx').on(table.accountId)],
);

/** Drizzle table of refresh tokens: the SHA-256 of each (base64url), never the token itself. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => authSessions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('refresh_tokens_hash_unique').on(table.tokenHash),
    index('refresh_tokens_session_idx').on(table.sessionId),
  ],
);

/** Drizzle table of outside identities (an OIDC provider's subject) linked to accounts. */
export const externalIdentities = pgTable(
  'external_identities',
  {
    provider: varchar('provider', { length: 64 }).notNull(),
    subject: varchar('subject', { length: 255 }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    email: varchar('email', { length: 254 }),
    linkedAt: timestamp('linked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.provider, table.subject] }),
    index('external_identities_account_idx').on(table.accountId),
  ],
);

/** An account row as stored. */
export type AccountRow = typeof accounts.$inferSelect;
/** A session row as stored. */
export type SessionRow = typeof authSessions.$inferSelect;
/** A refresh-token row as stored. */
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
