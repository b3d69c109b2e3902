/**
 * WebSocket tickets: a browser cannot set headers on an upgrade, and an access token in the URL
 * lands in logs, so it trades its token for a 30-second, single-use ticket (`?ticket=`).
 */
import type { JWTPayload } from 'jose';
import { CACHE, type Cache, Inject, Injectable, Optional, type Principal } from '#core';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options.js';
import { principalOf } from './principal-of.js';
import { TokenService } from './token-service.js';
import { WsTicketRefusedError } from './ws-auth.errors.js';

/** The `typ` of a ticket and the suffix of its `aud`: no access token verifies as one. */
export const WS_TICKET_PURPOSE = 'ws-ticket';
/** How long a ticket may wait before the upgrade that uses it. */
export const WS_TICKET_TTL_SECONDS = 30;

// Far longer than any ticket this app signs; refused before parsing.
const MAX_TICKET_LENGTH = 4096;

/** What `POST /auth/ws-ticket` answers. */
export interface IssuedWsTicket {
  ticket: string;
  /** Seconds the ticket stays usable. */
  expiresIn: number;
}

/**
 * Issues tickets for a principal and redeems them once. A redeemed ticket's `jti` is kept in
 * this process and in the CACHE port (shared by every worker when it is Redis) until the
 * ticket expires. Without a CACHE in the app, single use holds per process only.
 */
@Injectable()
export class WsTicketService {
  // jti -> epoch ms until which the ticket could still verify; insertion order is expiry order.
  private readonly redeemed = new Map<string, number>();

  constructor(
    private readonly tokens: TokenService,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
    @Optional() @Inject(CACHE) private readonly cache?: Cache,
  ) {}

  /** A ticket carrying the principal's sub, roles, scopes, session and token expiry. */
  async issue(principal: Principal): Promise<IssuedWsTicket> {
    const claims: Record<string, unknown> = { roles: [...principal.roles] };
    if (principal.scopes.length > 0) claims.scope = principal.scopes.join(' ');
    if (principal.sessionId !== undefined) claims.sid = principal.sessionId;
    if (principal.expiresAt !== undefined) claims.at_exp = Math.floor(principal.expiresAt / 1000);
    if (principal.issuer !== undefined) claims.at_iss = principal.issuer;
    const ticket = await this.tokens.signPurpose(claims, {
      purpose: WS_TICKET_PURPOSE,
      ttlSeconds: WS_TICKET_TTL_SECONDS,
      subject: principal.sub,
    });
    return { ticket, expiresIn: WS_TICKET_TTL_SECONDS };
  }

  /** The principal of a valid, unused ticket; 401 WsTicketRefusedError otherwise. */
  async redeem(ticket: string): Promise<Principal> {
    const realm = this.options.audience;
    if (ticket.length > MAX_TICKET_LENGTH) throw new WsTicketRefusedError(realm);
    let payload: JWTPayload;
    try {
      payload = await this.tokens.verifyPurpose(ticket, WS_TICKET_PURPOSE);
    } catch (error) {
      throw new WsTicketRefusedError(realm, error);
    }
    const { sub, jti, exp } = payload;
    if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number') {
      throw new WsTicketRefusedError(realm);
    }
    await this.consume(jti, exp);
    return ticketPrincipal(payload);
  }

  private async consume(jti: string, exp: number): Promise<void> {
    const now = Date.now();
    this.prune(now);
    // Claimed in this process before any await, so concurrent upgrades cannot both pass here.
    if (this.redeemed.has(jti)) throw new WsTicketRefusedError(this.options.audience);
    const until = (exp + this.options.clockToleranceSeconds) * 1000;
    this.redeemed.set(jti, until);
    if (!this.cache) return;
    const key = `auth:ws-ticket:${jti}`;
    if ((await this.cache.get(key)) !== undefined) {
      throw new WsTicketRefusedError(this.options.audience);
    }
    await this.cache.set(key, true, { ttl: Math.max(until - now, 1000) });
  }

  private prune(now: number): void {
    for (const [jti, until] of this.redeemed) {
      if (until > now) return;
      this.redeemed.delete(jti);
    }
  }
}

// The connection lives as long as the access token would have, not the ticket's 30 s.
function ticketPrincipal(payload: JWTPayload): Principal {
  const { expiresAt: _ticketExpiry, ...base } = principalOf(payload);
  const principal: { -readonly [K in keyof Principal]: Principal[K] } = { ...base };
  if (typeof payload.at_exp === 'number') principal.expiresAt = payload.at_exp * 1000;
  if (typeof payload.at_iss === 'string') principal.issuer = payload.at_iss;
  return Object.freeze(principal);
}
