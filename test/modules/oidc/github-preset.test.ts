/**
 * The GitHub preset (OAuth2 without OIDC) against a local stand-in for GitHub's endpoints: PKCE
 * and state but no nonce, the user from /user, the verified primary email from /user/emails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '#core';
import { accounts, authSessions, externalIdentities } from '#modules/identity';
import { useTestDatabase } from '../../helpers/test-database.js';
import { type FakeGithub, type FakeGithubUser, startFakeGithub } from './helpers/fake-github.js';
import { APP_BASE, compileOidcApp } from './helpers/oidc-test-app.js';
import { stateCookieOf } from './helpers/oidc-world.js';

const OCTO: FakeGithubUser = {
  id: 583231,
  login: 'octocat',
  name: 'The Octocat',
  emails: [
    { email: 'octo@old.example', primary: false, verified: true },
    { email: 'Octocat@GitHub.example', primary: true, verified: true },
  ],
};

describe('GitHub preset', () => {
  const database = useTestDatabase('pglite');
  let github: FakeGithub;
  let app: App;

  beforeAll(async () => {
    github = await startFakeGithub();
    const { clientId, clientSecret } = github;
    app = await compileOidcApp({
      database: database(),
      oidc: { providers: [{ name: 'github', issuer: github.url, clientId, clientSecret }] },
    });
  });
  afterAll(async () => {
    await app?.close();
    await github?.close();
  });

  /** start -> the fake's authorize redirect -> the callback. */
  const signIn = async (user: FakeGithubUser) => {
    github.loginAs(user);
    const start = await app.inject({ method: 'GET', url: '/auth/oidc/github/start' });
    const authorize = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(String(authorize.headers.get('location')));
    return app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: stateCookieOf(start) },
    });
  };
  const counts = async () => ({
    accounts: await database().db.$count(accounts),
    links: await database().db.$count(externalIdentities),
    sessions: await database().db.$count(authSessions),
  });

  it('start: 302 to GitHub with PKCE S256 and state, without a nonce', async () => {
    const res = await app.inject({ method: 'GET', url: '/auth/oidc/github/start' });
    expect(res.statusCode).toBe(302);
    const url = new URL(String(res.headers.location));
    expect(`${url.origin}${url.pathname}`).toBe(`${github.url}/login/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: github.clientId,
      redirect_uri: `${APP_BASE}/auth/oidc/github/callback`,
      scope: 'read:user user:email',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[\w-]{20,}$/),
    });
    expect(url.searchParams.has('nonce')).toBe(false);
  });

  it('signs in with the verified primary email and links the numeric GitHub id', async () => {
    const res = await signIn(OCTO);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
    const [account] = await database().db.select().from(accounts);
    expect(account).toMatchObject({
      email: 'octocat@github.example',
      name: 'The Octocat',
      passwordHash: null,
    });
    const links = await database().db.select().from(externalIdentities);
    expect(links).toEqual([
      expect.objectContaining({ provider: 'github', subject: '583231', accountId: account?.id }),
    ]);
    const again = await signIn(OCTO);
    expect(again.statusCode).toBe(200);
    expect(await counts()).toEqual({ accounts: 1, links: 1, sessions: 2 });
  });

  it('without a verified primary email: 403 OIDC_EMAIL_UNVERIFIED, nothing written', async () => {
    const unverified = {
      ...OCTO,
      id: 7,
      emails: [{ email: 'x@example.com', primary: true, verified: false }],
    };
    const res = await signIn(unverified);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'OIDC_EMAIL_UNVERIFIED' });
    expect(await counts()).toEqual({ accounts: 0, links: 0, sessions: 0 });
  });

  it('a code GitHub refuses (its 200 with { error }): 400 OIDC_CODE_REJECTED', async () => {
    github.loginAs(OCTO);
    const start = await app.inject({ method: 'GET', url: '/auth/oidc/github/start' });
    const authorize = await fetch(String(start.headers.location), { redirect: 'manual' });
    const back = new URL(String(authorize.headers.get('location')));
    back.searchParams.set('code', 'not-a-code-github-issued');
    const res = await app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: stateCookieOf(start) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'OIDC_CODE_REJECTED' });
    expect(await counts()).toEqual({ accounts: 0, links: 0, sessions: 0 });
  });

  it("GitHub's API failing: 503 SERVICE_UNAVAILABLE, nothing written", async () => {
    github.breakApi(true);
    try {
      const res = await signIn(OCTO);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      github.breakApi(false);
    }
    expect(await counts()).toEqual({ accounts: 0, links: 0, sessions: 0 });
  });
});
