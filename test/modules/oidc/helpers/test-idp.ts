/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, port 0: one confidential client,
 * PKCE required, test accounts, and an interaction handler that logs in whoever the test chose.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** A user of the test provider. */
export interface IdpAccount {
  id: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

/** A running test provider. */
export interface TestIdp {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The account the next interaction logs in. */
  loginAs(accountId: string): void;
  close(): Promise<void>;
}

/** Starts a provider whose client may redirect to `redirectUris`. */
export async function startTestIdp(options: {
  redirectUris: string[];
  accounts: readonly IdpAccount[];
  /** Default 0 (any free port). */
  port?: number;
}): Promise<TestIdp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'keel-test-client';
  const clientSecret = `idp-client-secret-${Math.random().toString(36).slice(2)}`;
  const provider = new Provider(
    issuer,
    await configuration({ ...options, clientId, clientSecret }),
  );
  let nextLogin: string | undefined;
  const finishInteraction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    if (!nextLogin) throw new Error('test IdP: call loginAs(accountId) first');
    const grant = new provider.Grant({ accountId: nextLogin, clientId });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    const result = { login: { accountId: nextLogin }, consent: { grantId } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  };
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    finishInteraction(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    loginAs: (accountId) => {
      nextLogin = accountId;
    },
    close: () => closeServer(server),
  };
}

/** oidc-provider's configuration: one confidential client, PKCE required, no dev interactions. */
async function configuration(options: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accounts: readonly IdpAccount[];
}): Promise<Record<string, unknown>> {
  const accounts = new Map(options.accounts.map((account) => [account.id, account]));
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const client = {
    client_id: options.clientId,
    client_secret: options.clientSecret,
    redirect_uris: options.redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
  return {
    clients: [client],
    jwks: {
      keys: [{ ...(await exportJWK(privateKey)), kid: 'idp-key', alg: 'RS256', use: 'sig' }],
    },
    cookies: { keys: ['idp-cookie-key'] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      const { email, emailVerified, name } = account;
      const claims = { sub, email, email_verified: emailVerified, name };
      return { accountId: sub, claims: async () => claims };
    },
  };
}

/**
 * A discovery document that lies about its issuer: the real provider's metadata served from
 * another origin under that origin's name, so the real provider's ID tokens carry another `iss`.
 */
export async function startLyingIssuer(
  real: TestIdp,
): Promise<{ issuer: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url !== '/.well-known/openid-configuration') {
      res.statusCode = 404;
      res.end();
      return;
    }
    void fetch(`${real.issuer}/.well-known/openid-configuration`)
      .then((response) => response.json() as Promise<Record<string, unknown>>)
      .then((metadata) => {
        const { authorization_response_iss_parameter_supported: _dropped, ...rest } = metadata;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ...rest, issuer }));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, close: () => closeServer(server) };
}

function closeServer(server: import('node:http').Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
