/** The checks an upgrade request passes before the handshake: shutdown, Origin, upgrade guards. */
import type { FastifyRequest } from 'fastify';
import type { I18n, Type, WsHandshake, WsUpgradeGuard } from '#core';
import {
  OriginNotAllowedError,
  RequestContext,
  type RequestContextData,
  ServiceUnavailableError,
  UnauthorizedError,
} from '#core';
import { buildRequestContext } from '#core/internal';
import type { WsOriginPolicy } from './ws-origin-policy.js';

/** An upgrade request that passed the gate. */
export interface AdmittedUpgrade {
  handshake: WsHandshake;
  context: RequestContextData;
}

/** Runs as route hooks of every gateway route; errors become HTTP answers, never upgrades. */
export class WsUpgradeGate {
  private readonly admitted = new WeakMap<FastifyRequest, AdmittedUpgrade>();
  private open = true;

  constructor(
    private readonly origins: WsOriginPolicy,
    private readonly guards: readonly WsUpgradeGuard[],
    private readonly i18n: I18n,
  ) {}

  /** False once the app started shutting down. */
  get isOpen(): boolean {
    return this.open;
  }

  /** Refuses every later upgrade with 503 (the app is shutting down). */
  shut(): void {
    this.open = false;
  }

  /** onRequest: 503 while shutting down, 403 for an origin outside the allow-list. */
  checkOrigin = async (request: FastifyRequest): Promise<void> => {
    if (!this.open) throw new ServiceUnavailableError();
    const origin = request.headers.origin;
    if (!this.origins.allows(origin)) throw new OriginNotAllowedError(String(origin));
  };

  /** The preValidation hook of `gateway`'s route: every upgrade guard must answer true (false is 401). */
  guardsFor(gateway: Type): (request: FastifyRequest) => Promise<void> {
    return async (request) => {
      const handshake = toHandshake(request, gateway);
      for (const guard of this.guards) {
        if (!(await guard.canUpgrade(handshake))) throw new UnauthorizedError();
      }
      const context = RequestContext.current() ?? buildRequestContext(request, { i18n: this.i18n });
      this.admitted.set(request, { handshake, context });
    };
  }

  /** What the gate recorded for `request`; undefined when its hooks did not admit it. */
  admission(request: FastifyRequest): AdmittedUpgrade | undefined {
    const admitted = this.admitted.get(request);
    this.admitted.delete(request);
    return admitted;
  }
}

function toHandshake(request: FastifyRequest, gateway: Type): WsHandshake {
  return {
    url: request.url,
    headers: request.headers,
    query: (request.query as Record<string, unknown> | undefined) ?? {},
    ip: request.ip,
    gateway,
    data: new Map(),
  };
}
