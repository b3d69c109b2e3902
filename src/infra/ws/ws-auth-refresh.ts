/** The built-in `auth.refresh` frame: a fresh access token replaces the connection's principal. */
import { z } from 'zod';
import { type Authenticator, ForbiddenError, type Principal, UnauthorizedError } from '#core';
import type { WsConnection } from './ws-connection.js';

/** Its event; a gateway that subscribes to this event itself handles it instead. */
export const AUTH_REFRESH_EVENT = 'auth.refresh';

// Wrapped in `data` so that validation details name `data.token`, as for `@Subscribe` schemas.
const RefreshFrame = z.object({ data: z.object({ token: z.string().min(1).max(8192) }) });

/**
 * `{ "event": "auth.refresh", "data": { "token": "<access token>" } }` keeps a connection alive
 * past its token's expiry: the token is verified by the app's AUTHENTICATOR, must name the same
 * subject, and re-arms the 4401 expiry timer. On failure the old principal and timer stay.
 */
export class WsAuthRefresh {
  constructor(private readonly authenticator: Authenticator) {}

  /** Answers `{ sub, expiresAt }` (epoch ms, or null for a principal that does not expire). */
  async refresh(
    client: WsConnection,
    data: unknown,
  ): Promise<{ sub: string; expiresAt: number | null }> {
    const { token } = (await RefreshFrame.parseAsync({ data })).data;
    const principal = await this.authenticator.authenticate({ bearerToken: token });
    if (principal === undefined) throw new UnauthorizedError();
    const current = client.data.get('principal') as Principal | undefined;
    if (current !== undefined && current.sub !== principal.sub) {
      throw new ForbiddenError({ messageKey: 'errors.WS_REFRESH_OTHER_SUBJECT' });
    }
    client.data.set('principal', principal);
    client.expireWithPrincipal();
    return { sub: principal.sub, expiresAt: principal.expiresAt ?? null };
  }
}
