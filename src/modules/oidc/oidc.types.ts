/** The shapes the OIDC flow passes between its parts. */

/** Who signed in at the provider, as far as the provider says. */
export interface ExternalProfile {
  /** The provider's stable id of the user (`sub`, or GitHub's numeric id). */
  readonly subject: string;
  readonly email: string | undefined;
  /** True only when the provider asserts that it verified `email`. */
  readonly emailVerified: boolean;
  readonly name: string | undefined;
}

/** The per-flow secrets made at start and checked at the callback. */
export interface FlowSecrets {
  readonly state: string;
  /** OIDC only: the ID token must carry it back. */
  readonly nonce: string | undefined;
  readonly codeVerifier: string;
}

/** A provider as the flow uses it: where to send the user, and what to do with the callback. */
export interface ProviderClient {
  /** Whether the flow sends (and expects back) a nonce: true for OIDC, false for GitHub. */
  readonly usesNonce: boolean;
  /** The authorization URL (code flow, PKCE S256). */
  authorizationUrl(secrets: FlowSecrets, codeChallenge: string): URL;
  /** Exchanges the code of `callbackUrl` and returns the verified profile. */
  finish(callbackUrl: URL, secrets: FlowSecrets): Promise<ExternalProfile>;
}
