/** Zod schemas of the OIDC routes. */
import { z } from 'zod';

/** `:provider` in every route: a configured provider's name. */
export const ProviderParams = z.object({
  provider: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/)
    .describe('A configured provider, e.g. google'),
});

/** What the provider sends back to the callback (other parameters, such as `iss`, pass through). */
export const CallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  error: z.string().max(256).optional(),
});

/** Answer of `POST /auth/oidc/:provider/link`: where to send the browser next. */
export const LinkStartDto = z
  .object({ url: z.url().describe("The provider's authorization URL") })
  .meta({ id: 'OidcLinkStart' });

/** The tokens of a session (the identity module's TokenPair). */
export const OidcTokenPairDto = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int(),
    tokenType: z.literal('Bearer'),
  })
  .meta({ id: 'OidcTokenPair' });

/** A valid callback query. */
export type CallbackQueryInput = z.infer<typeof CallbackQuery>;
