/**
 * GitHub's sign-in: OAuth2 without OpenID Connect. No discovery and no ID token: fixed
 * endpoints under the issuer (github.com or GitHub Enterprise), the user from `GET /user` and
 * the verified primary email from `GET /user/emails`. No nonce: there is no ID token to carry it.
 */
import * as client from 'openid-client';
import { exchangeFailure } from './exchange-failure.js';
import type { ExternalProfile, FlowSecrets, ProviderClient } from './oidc.types.js';
import { isLoopbackHttp, type ResolvedProvider } from './oidc-options.js';

interface GithubUser {
  id?: unknown;
  login?: unknown;
  name?: unknown;
}

interface GithubEmail {
  email?: unknown;
  primary?: unknown;
  verified?: unknown;
}

/** The GitHub preset's client, on openid-client with GitHub's fixed endpoints. */
export class GithubPresetClient implements ProviderClient {
  readonly usesNonce = false;

  private constructor(
    private readonly config: client.Configuration,
    private readonly provider: ResolvedProvider,
  ) {}

  /** Builds the client; makes no request. */
  static create(provider: ResolvedProvider, timeoutSeconds: number): GithubPresetClient {
    const web = provider.issuer.href.replace(/\/+$/, '');
    const server: client.ServerMetadata = {
      issuer: web,
      authorization_endpoint: `${web}/login/oauth/authorize`,
      token_endpoint: `${web}/login/oauth/access_token`,
    };
    const config = new client.Configuration(server, provider.clientId, provider.clientSecret);
    config.timeout = timeoutSeconds;
    config[client.customFetch] = errorsAsStatus(server.token_endpoint as string);
    if (isLoopbackHttp(provider.issuer)) client.allowInsecureRequests(config);
    return new GithubPresetClient(config, provider);
  }

  /** The authorization URL with PKCE S256 and state. */
  authorizationUrl(secrets: FlowSecrets, codeChallenge: string): URL {
    return client.buildAuthorizationUrl(this.config, {
      redirect_uri: this.provider.callbackUrl,
      scope: this.provider.scopes.join(' '),
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      state: secrets.state,
    });
  }

  /** Exchanges the code, then reads the user and their verified primary email. */
  async finish(callbackUrl: URL, secrets: FlowSecrets): Promise<ExternalProfile> {
    try {
      const tokens = await client.authorizationCodeGrant(this.config, callbackUrl, {
        pkceCodeVerifier: secrets.codeVerifier,
        expectedState: secrets.state,
      });
      const user = (await this.api(tokens.access_token, 'user')) as GithubUser;
      const emails = await this.api(tokens.access_token, 'user/emails');
      return profileOf(user, Array.isArray(emails) ? (emails as GithubEmail[]) : []);
    } catch (error) {
      throw exchangeFailure(error, this.provider.name);
    }
  }

  private async api(accessToken: string, path: string): Promise<unknown> {
    const url = new URL(`${this.provider.apiUrl?.href.replace(/\/+$/, '')}/${path}`);
    const headers = new Headers({ accept: 'application/vnd.github+json' });
    const response = await client.fetchProtectedResource(
      this.config,
      accessToken,
      url,
      'GET',
      undefined,
      headers,
    );
    // An answer GitHub would not give to a token it just issued: the provider is not usable.
    if (!response.ok) throw new TypeError(`GitHub API answered ${response.status} for /${path}`);
    return response.json();
  }
}

/** GitHub answers a refused code with 200 and `{ error }`; as a 400 openid-client reads it as one. */
function errorsAsStatus(tokenEndpoint: string): client.CustomFetch {
  return async (url, options) => {
    const response = await fetch(url, options as RequestInit);
    if (url !== tokenEndpoint || response.status !== 200) return response;
    const body = (await response
      .clone()
      .json()
      .catch(() => undefined)) as { error?: unknown } | undefined;
    if (typeof body?.error !== 'string') return response;
    const headers = { 'content-type': 'application/json' };
    return new Response(JSON.stringify(body), { status: 400, headers });
  };
}

/** GitHub's numeric id is the stable subject; logins can be renamed. */
function profileOf(user: GithubUser, emails: readonly GithubEmail[]): ExternalProfile {
  if (typeof user.id !== 'number' && typeof user.id !== 'string') {
    throw new TypeError('GitHub /user has no id');
  }
  const primary = emails.find((entry) => entry.primary === true && entry.verified === true);
  const email = typeof primary?.email === 'string' ? primary.email : undefined;
  const name = typeof user.name === 'string' && user.name ? user.name : user.login;
  return {
    subject: String(user.id),
    email,
    emailVerified: email !== undefined,
    name: typeof name === 'string' ? name : undefined,
  };
}
