/**
 * A stand-in for GitHub's OAuth2 and REST endpoints on 127.0.0.1 (as a GitHub Enterprise server:
 * `/login/oauth/*` and `/api/v3/*`): it checks the client secret and the PKCE verifier, and
 * refuses a bad code the way GitHub does (200 with `{ error }`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A GitHub user and the emails `/user/emails` lists. */
export interface FakeGithubUser {
  id: number;
  login: string;
  name: string | null;
  emails: Array<{ email: string; primary: boolean; verified: boolean }>;
}

/** A running fake. */
export interface FakeGithub {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Who the next authorization signs in. */
  loginAs(user: FakeGithubUser): void;
  /** Makes the REST API answer 500 (GitHub having a bad day). */
  breakApi(broken: boolean): void;
  close(): Promise<void>;
}

interface Grant {
  user: FakeGithubUser;
  challenge: string;
  redirectUri: string;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

/** The fake's state and handlers. */
class FakeGithubServer {
  readonly clientId = 'gh-client';
  readonly clientSecret = `gh-secret-${randomBytes(12).toString('hex')}`;
  next: FakeGithubUser | undefined;
  apiBroken = false;
  private readonly codes = new Map<string, Grant>();
  private readonly tokens = new Map<string, FakeGithubUser>();

  handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize')
      return this.authorize(url, res);
    if (req.method === 'GET' && url.pathname.startsWith('/api/v3/user'))
      return this.api(req, url.pathname, res);
    if (req.method !== 'POST' || url.pathname !== '/login/oauth/access_token')
      return json(res, 404, {});
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => this.token(new URLSearchParams(raw), res));
  }

  private authorize(url: URL, res: ServerResponse) {
    const q = url.searchParams;
    if (
      q.get('client_id') !== this.clientId ||
      q.get('code_challenge_method') !== 'S256' ||
      !this.next
    ) {
      return json(res, 400, { error: 'bad request' });
    }
    const code = randomBytes(10).toString('hex');
    const redirectUri = q.get('redirect_uri') ?? '';
    this.codes.set(code, {
      user: this.next,
      challenge: q.get('code_challenge') ?? '',
      redirectUri,
    });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.get('state') ?? '');
    res.writeHead(302, { location: back.href }).end();
  }

  private token(body: URLSearchParams, res: ServerResponse) {
    const code = body.get('code') ?? '';
    const grant = this.codes.get(code);
    this.codes.delete(code);
    const challenge = createHash('sha256')
      .update(body.get('code_verifier') ?? '')
      .digest('base64url');
    const clientOk =
      body.get('client_id') === this.clientId && body.get('client_secret') === this.clientSecret;
    if (
      !grant ||
      !clientOk ||
      challenge !== grant.challenge ||
      body.get('redirect_uri') !== grant.redirectUri
    ) {
      return json(res, 200, {
        error: 'bad_verification_code',
        error_description: 'The code is wrong.',
      });
    }
    const accessToken = `gho_${randomBytes(16).toString('hex')}`;
    this.tokens.set(accessToken, grant.user);
    json(res, 200, {
      access_token: accessToken,
      token_type: 'bearer',
      scope: 'read:user,user:email',
    });
  }

  private api(req: IncomingMessage, path: string, res: ServerResponse) {
    const user = this.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /i, ''));
    if (this.apiBroken) return json(res, 500, { message: 'Server Error' });
    if (!user) return json(res, 401, { message: 'Bad credentials' });
    if (path === '/api/v3/user')
      return json(res, 200, { id: user.id, login: user.login, name: user.name });
    json(res, 200, user.emails);
  }
}

/** Starts the fake. */
export async function startFakeGithub(): Promise<FakeGithub> {
  const fake = new FakeGithubServer();
  const server = createServer((req, res) => fake.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    loginAs: (user) => {
      fake.next = user;
    },
    breakApi: (broken) => {
      fake.apiBroken = broken;
    },
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
