/** The `AUTHENTICATOR` of AuthModule: the app's own access tokens, and an outside issuer's. */
import { type Authenticator, type Credentials, Inject, Injectable, type Principal } from '#core';
import { InvalidTokenError } from './auth-errors.js';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options.js';
import { ExternalIssuer } from './external-issuer.js';
import { TokenService } from './token-service.js';

// Longer than any JWT this app signs; refused before parsing.
const MAX_TOKEN_LENGTH = 8192;

/** Bearer JWTs: undefined without one, a Principal for a valid one, 401 otherwise. */
@Injectable()
export class JwtAuthenticator implements Authenticator {
  private readonly external: ExternalIssuer | undefined;

  constructor(
    private readonly tokens: TokenService,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
  ) {
    const { external, audience, clockToleranceSeconds } = options;
    this.external = external && new ExternalIssuer(external, audience, clockToleranceSeconds);
  }

  /** Verifies the bearer token, routing it by its `iss` to the app's keys or the outside IdP. */
  async authenticate(credentials: Credentials): Promise<Principal | undefined> {
    const token = credentials.bearerToken;
    if (token === undefined) return undefined;
    if (token.length > MAX_TOKEN_LENGTH)
      throw new InvalidTokenError('invalid', this.options.audience);
    if (this.external?.claims(token)) return this.external.verify(token);
    return this.tokens.verifyAccessToken(token);
  }
}
