/** The 401s of the WebSocket upgrade that are not about an access token's signature. */
import { UnauthorizedError } from '#core';

/** 401: the `?ticket=` is invalid, expired or was already used (tickets are single use). */
export class WsTicketRefusedError extends UnauthorizedError {
  constructor(realm: string, cause?: unknown) {
    super({
      messageKey: 'auth.wsTicket.refused',
      headers: {
        'www-authenticate': `Bearer realm="${realm}", error="invalid_token", error_description="The WebSocket ticket is invalid, expired or already used"`,
      },
      cause,
    });
  }
}

/** 401: an access token in the query string (`?token=`, `?access_token=`), which lands in logs. */
export class QueryTokenRefusedError extends UnauthorizedError {
  constructor(realm: string) {
    super({
      messageKey: 'auth.wsTicket.queryToken',
      headers: {
        'www-authenticate': `Bearer realm="${realm}", error="invalid_request", error_description="Access tokens are not accepted in the query string"`,
      },
    });
  }
}
