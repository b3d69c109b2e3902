/**
 * AuthModule's `WS_UPGRADE_GUARD`: every gateway's upgrade needs a valid credential unless the
 * gateway class is `@Public()`, and is answered 401 before the handshake otherwise.
 */
import {
  AUTHENTICATOR,
  type Authenticator,
  handshakeBearerToken,
  Inject,
  Injectable,
  IS_PUBLIC,
  type Principal,
  Reflector,
  type Type,
  type WsHandshake,
  type WsUpgradeGuard,
} from '#core';
import { InvalidTokenError } from './auth-errors.js';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options.js';
import { QueryTokenRefusedError, WsTicketRefusedError } from './ws-auth.errors.js';
import { WsTicketService } from './ws-ticket.service.js';

// Long-lived tokens are never read from the URL: query strings land in access logs.
const QUERY_TOKEN_PARAMS = ['token', 'access_token'];

/**
 * Credentials, first found wins: `Authorization: Bearer <jwt>`, the subprotocols
 * `bearer, <jwt>`, then `?ticket=` from `POST /auth/ws-ticket`. `?token=` / `?access_token=`
 * are refused (401). The verified Principal goes to `handshake.data` under `principal`.
 * A public gateway admits everyone and still records the principal of a valid credential.
 */
@Injectable()
export class WsAuthUpgradeGuard implements WsUpgradeGuard {
  private readonly publicByGateway = new WeakMap<Type, boolean>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    private readonly tickets: WsTicketService,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
  ) {}

  async canUpgrade(handshake: WsHandshake): Promise<boolean> {
    const isPublic = this.isPublic(handshake.gateway);
    try {
      const principal = await this.authenticate(handshake);
      if (principal !== undefined) handshake.data.set('principal', principal);
      else if (!isPublic) throw new InvalidTokenError('missing', this.options.audience);
    } catch (error) {
      // A bad credential on a public gateway is ignored: the client is simply anonymous there.
      if (!isPublic) throw error;
    }
    return true;
  }

  private async authenticate(handshake: WsHandshake): Promise<Principal | undefined> {
    const realm = this.options.audience;
    const bearerToken = handshakeBearerToken(handshake);
    const { ticket } = handshake.query;
    let principal: Principal | undefined;
    if (bearerToken !== undefined) {
      principal = await this.authenticator.authenticate({ bearerToken });
    } else if (ticket !== undefined) {
      if (typeof ticket !== 'string') throw new WsTicketRefusedError(realm);
      principal = await this.tickets.redeem(ticket);
    } else if (QUERY_TOKEN_PARAMS.some((name) => handshake.query[name] !== undefined)) {
      throw new QueryTokenRefusedError(realm);
    } else {
      // No credential: `withPrincipal` test authenticators still answer one.
      principal = await this.authenticator.authenticate({});
    }
    // Verification allows some clock skew; a connection would close at once, so refuse it here.
    if (principal?.expiresAt !== undefined && principal.expiresAt <= Date.now()) {
      throw new InvalidTokenError('expired', realm);
    }
    return principal;
  }

  private isPublic(gateway: Type): boolean {
    let known = this.publicByGateway.get(gateway);
    if (known === undefined) {
      known = this.reflector.get<boolean>(IS_PUBLIC, gateway) ?? false;
      this.publicByGateway.set(gateway, known);
    }
    return known;
  }
}
