/**
 * The end-to-end world of the OIDC tests: a real provider (oidc-provider), a provider that lies
 * about its issuer, and the Keel app (identity + OIDC modules) with a log the tests can read.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { App } from '#core';
import {
  type TestDatabase,
  type TestDriver,
  useTestDatabase,
} from '../../../helpers/test-database.js';
import { captureLogger, type LogLine } from '../../../infra/redis/capture-logger.js';
import { IdpBrowser } from './oidc-browser.js';
import { APP_BASE, compileOidcApp } from './oidc-test-app.js';
import { type IdpAccount, startLyingIssuer, startTestIdp, type TestIdp } from './test-idp.js';

export { APP_BASE };
/** The password local accounts sign up with. */
export const PASSWORD = 'correct horse battery staple';

/** The provider's users. */
export const IDP_ACCOUNTS: readonly IdpAccount[] = [
  { id: 'alice', email: 'alice@example.com', emailVerified: true, name: 'Alice' },
  { id: 'bob', email: 'bob@example.com', emailVerified: false, name: 'Bob' },
  { id: 'carol', email: 'Carol@Example.com', emailVerified: true, name: 'Carol' },
  { id: 'mallory', email: 'dave@example.com', emailVerified: false, name: 'Mallory' },
];

/** A flow started at the app: the provider URL and the state cookie. */
export interface StartedFlow {
  authorizeUrl: URL;
  cookie: string;
}

/** What the tests use. */
export interface OidcWorld {
  app: App;
  db: TestDatabase['db'];
  idp: TestIdp;
  logs: LogLine[];
  start(provider?: string, extra?: Partial<InjectOptions>): Promise<StartedFlow>;
  /** Logs `login` in at the provider and returns the callback URL it sends the browser to. */
  authorize(url: URL, login: string): Promise<URL>;
  callback(url: URL, cookie?: string): Promise<LightMyRequestResponse>;
  /** start + authorize + callback. */
  signIn(login: string, provider?: string): Promise<LightMyRequestResponse>;
  signUp(email: string): Promise<{ id: string; accessToken: string }>;
}

/** The `name=value` of the state cookie in a response's Set-Cookie. */
export function stateCookieOf(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const line = [header ?? []].flat().find((value) => value.startsWith('keel_oidc='));
  if (!line) throw new Error(`no keel_oidc cookie in ${JSON.stringify(header)}`);
  return line.split(';')[0] ?? '';
}

/** Registers the hooks that start the providers and the app once for the describe block. */
export function useOidcWorld(driver: TestDriver): () => OidcWorld {
  const database = useTestDatabase(driver);
  const captured = captureLogger();
  let app: App | undefined;
  let idp: TestIdp | undefined;
  let liar: { issuer: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    const callbacks = ['acme', 'liar'].map((name) => `${APP_BASE}/auth/oidc/${name}/callback`);
    idp = await startTestIdp({ redirectUris: callbacks, accounts: IDP_ACCOUNTS });
    liar = await startLyingIssuer(idp);
    const client = { clientId: idp.clientId, clientSecret: idp.clientSecret };
    app = await compileOidcApp({
      database: database(),
      oidc: {
        providers: [
          { name: 'acme', issuer: idp.issuer, ...client },
          { name: 'liar', issuer: liar.issuer, ...client },
        ],
      },
      logger: captured.logger,
    });
  });
  afterAll(async () => {
    await app?.close();
    await liar?.close();
    await idp?.close();
  });
  return () => {
    if (!app || !idp) throw new Error('useOidcWorld: the world starts in beforeAll.');
    return worldOf(app, idp, { db: database().db, logs: captured.lines });
  };
}

function worldOf(
  app: App,
  idp: TestIdp,
  extra: { db: TestDatabase['db']; logs: LogLine[] },
): OidcWorld {
  const world: OidcWorld = {
    app,
    idp,
    ...extra,
    async start(provider = 'acme', options = {}) {
      const res = await app.inject({
        method: 'GET',
        url: `/auth/oidc/${provider}/start`,
        ...options,
      });
      if (res.statusCode !== 302) throw new Error(`start answered ${res.statusCode}: ${res.body}`);
      return { authorizeUrl: new URL(String(res.headers.location)), cookie: stateCookieOf(res) };
    },
    async authorize(url, login) {
      idp.loginAs(login);
      return new IdpBrowser(APP_BASE).authorize(url.href);
    },
    callback: (url, cookie) =>
      app.inject({
        method: 'GET',
        url: `${url.pathname}${url.search}`,
        headers: cookie === undefined ? {} : { cookie },
      }),
    async signIn(login, provider = 'acme') {
      const flow = await world.start(provider);
      return world.callback(await world.authorize(flow.authorizeUrl, login), flow.cookie);
    },
    async signUp(email) {
      const payload = { email, password: PASSWORD, name: 'Local' };
      const res = await app.inject({ method: 'POST', url: '/auth/sign-up', payload });
      if (res.statusCode !== 201)
        throw new Error(`sign-up answered ${res.statusCode}: ${res.body}`);
      const body = res.json();
      return { id: body.user.id, accessToken: body.accessToken };
    },
  };
  return world;
}
