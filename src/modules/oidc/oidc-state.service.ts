/**
 * The flow's state: state, nonce, PKCE verifier, provider and the account to link, as a
 * short-lived JWS signed with the app's keys (TokenService, purpose `oidc-state`), so it can
 * travel in a cookie. A state is single-use: the callback records it in the cache until the
 * token could no longer be valid.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CACHE, type Cache, Inject, Injectable } from '#core';
import { TokenService } from '#infra/auth';
import { OidcStateInvalidError } from './oidc.errors.js';
import type { FlowSecrets } from './oidc.types.js';

/** Lifetime of a flow: the user has this long to sign in at the provider. */
export const STATE_TTL_SECONDS = 600;

const PURPOSE = 'oidc-state';
// Used states are kept a little longer than a token can be valid (clock tolerance included).
const USED_TTL_MS = (STATE_TTL_SECONDS + 120) * 1000;

/** One flow, as the state token carries it. */
export interface OidcFlowState extends FlowSecrets {
  readonly provider: string;
  /** Set by `/link`: the signed-in account the external identity is linked to. */
  readonly linkAccountId: string | undefined;
}

const Claims = z.object({
  st: z.string().min(1),
  nn: z.string().min(1).optional(),
  cv: z.string().min(43),
  pv: z.string().min(1),
  la: z.string().min(1).optional(),
});

/** Signs, verifies and uses up flow states. */
@Injectable()
export class OidcStateService {
  constructor(
    private readonly tokens: TokenService,
    @Inject(CACHE) private readonly cache: Cache,
  ) {}

  /** The signed token of `flow`. */
  sign(flow: OidcFlowState): Promise<string> {
    const claims = Claims.parse({
      st: flow.state,
      nn: flow.nonce,
      cv: flow.codeVerifier,
      pv: flow.provider,
      la: flow.linkAccountId,
    });
    return this.tokens.signPurpose(claims, { purpose: PURPOSE, ttlSeconds: STATE_TTL_SECONDS });
  }

  /** The flow of this callback, used up; 400 OIDC_STATE_INVALID unless it matches and is fresh. */
  async consume(input: {
    token: string | undefined;
    provider: string;
    state: string | undefined;
  }): Promise<OidcFlowState> {
    if (!input.token || !input.state) throw new OidcStateInvalidError();
    const flow = await this.verify(input.token);
    if (flow.provider !== input.provider || !sameText(flow.state, input.state)) {
      throw new OidcStateInvalidError();
    }
    const key = `oidc:used-state:${createHash('sha256').update(flow.state).digest('base64url')}`;
    if ((await this.cache.get(key)) !== undefined) throw new OidcStateInvalidError();
    await this.cache.set(key, 1, { ttl: USED_TTL_MS });
    return flow;
  }

  private async verify(token: string): Promise<OidcFlowState> {
    const payload = await this.tokens.verifyPurpose(token, PURPOSE).catch(() => undefined);
    const claims = Claims.safeParse(payload);
    if (!claims.success) throw new OidcStateInvalidError();
    const { st, nn, cv, pv, la } = claims.data;
    return { state: st, nonce: nn, codeVerifier: cv, provider: pv, linkAccountId: la };
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
