/** The OIDC sign-in flow: start (authorization URL and state cookie) and callback (tokens). */
import * as client from 'openid-client';
import { Injectable } from '#core';
import { IdentityService, type TokenPair } from '#modules/identity';
import { OidcProviderError } from './oidc.errors.js';
import type { FlowSecrets } from './oidc.types.js';
import { OidcAccountLinker } from './oidc-account-linker.js';
import { OidcProviders } from './oidc-providers.js';
import { OidcStateService } from './oidc-state.service.js';

/** Where a flow starts: the provider's URL and the state token that binds it to this browser. */
export interface StartedFlow {
  url: string;
  stateToken: string;
}

/** What the callback brings. */
export interface CallbackInput {
  /** The query string as received, `?` included: openid-client reads code, state and iss in it. */
  search: string;
  state: string | undefined;
  error: string | undefined;
  /** The state token from the cookie. */
  stateToken: string | undefined;
  meta: { ip?: string; userAgent?: string };
}

/** Runs the authorization code flow with PKCE (S256), state and, for OIDC, nonce. */
@Injectable()
export class OidcFlowService {
  constructor(
    private readonly providers: OidcProviders,
    private readonly states: OidcStateService,
    private readonly linker: OidcAccountLinker,
    private readonly identity: IdentityService,
  ) {}

  /** Starts a sign-in, or a link to `linkAccountId` (the signed-in caller). */
  async start(name: string, linkAccountId?: string): Promise<StartedFlow> {
    const provider = await this.providers.client(name);
    const secrets: FlowSecrets = {
      state: client.randomState(),
      nonce: provider.usesNonce ? client.randomNonce() : undefined,
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const challenge = await client.calculatePKCECodeChallenge(secrets.codeVerifier);
    const url = provider.authorizationUrl(secrets, challenge);
    const stateToken = await this.states.sign({ ...secrets, provider: name, linkAccountId });
    return { url: url.href, stateToken };
  }

  /** Checks the state, exchanges the code, resolves the account and opens a session. */
  async finish(name: string, input: CallbackInput): Promise<TokenPair> {
    const { callbackUrl } = this.providers.provider(name);
    const flow = await this.states.consume({
      token: input.stateToken,
      provider: name,
      state: input.state,
    });
    if (input.error !== undefined) throw new OidcProviderError(name, input.error);
    const provider = await this.providers.client(name);
    const profile = await provider.finish(new URL(`${callbackUrl}${input.search}`), flow);
    const accountId = await this.linker.resolve(name, profile, flow.linkAccountId);
    return this.identity.issueSession(accountId, input.meta);
  }
}
