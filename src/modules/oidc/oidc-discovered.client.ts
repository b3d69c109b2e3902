/** An OpenID Connect provider found by discovery: code flow with PKCE, state and nonce. */
import * as client from 'openid-client';
import { exchangeFailure } from './exchange-failure.js';
import { OidcIdTokenInvalidError } from './oidc.errors.js';
import type { ExternalProfile, FlowSecrets, ProviderClient } from './oidc.types.js';
import type { ResolvedProvider } from './oidc-options.js';

type Claims = Readonly<Record<string, unknown>>;

/** Wraps one discovered `client.Configuration`; every check is openid-client's. */
export class OidcDiscoveredClient implements ProviderClient {
  readonly usesNonce = true;

  constructor(
    private readonly config: client.Configuration,
    private readonly provider: ResolvedProvider,
  ) {}

  /** The authorization URL with PKCE S256, state and nonce. */
  authorizationUrl(secrets: FlowSecrets, codeChallenge: string): URL {
    return client.buildAuthorizationUrl(this.config, {
      redirect_uri: this.provider.callbackUrl,
      scope: this.provider.scopes.join(' '),
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      state: secrets.state,
      nonce: secrets.nonce ?? '',
    });
  }

  /** Exchanges the code; the ID token is verified (issuer, audience, nonce, expiry, signature). */
  async finish(callbackUrl: URL, secrets: FlowSecrets): Promise<ExternalProfile> {
    try {
      const tokens = await client.authorizationCodeGrant(this.config, callbackUrl, {
        pkceCodeVerifier: secrets.codeVerifier,
        expectedState: secrets.state,
        expectedNonce: secrets.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      // expectedNonce makes openid-client require an ID token; this only narrows the type.
      if (!claims) throw new OidcIdTokenInvalidError();
      // Providers that follow OIDC Core strictly put email claims in UserInfo, not the ID token.
      const needsUserInfo = claims.email === undefined && this.hasUserInfo();
      const info = needsUserInfo
        ? await client.fetchUserInfo(this.config, tokens.access_token, claims.sub)
        : {};
      return profileOf({ ...info, ...claims });
    } catch (error) {
      throw exchangeFailure(error, this.provider.name);
    }
  }

  private hasUserInfo(): boolean {
    return typeof this.config.serverMetadata().userinfo_endpoint === 'string';
  }
}

/** `email_verified` is a boolean per OIDC Core; a few providers send the string "true". */
function profileOf(claims: Claims): ExternalProfile {
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  return {
    subject: String(claims.sub),
    email,
    emailVerified: email !== undefined && verified,
    name: typeof claims.name === 'string' ? claims.name : undefined,
  };
}
