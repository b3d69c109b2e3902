/**
 * OIDC sign-in end to end against a real provider (oidc-provider): accounts are created only
 * from verified emails, never linked by matching email, and linked from `/link` while signed in.
 */
import { describe, expect, it } from 'vitest';
import { accounts, authSessions, externalIdentities } from '#modules/identity';
import { TEST_DRIVERS } from '../../helpers/test-database.js';
import { APP_BASE, stateCookieOf, useOidcWorld } from './helpers/oidc-world.js';

describe.each(TEST_DRIVERS)('OIDC sign-in on %s', (driver) => {
  const world = useOidcWorld(driver);
  const counts = async () => {
    const { db } = world();
    return {
      accounts: await db.$count(accounts),
      links: await db.$count(externalIdentities),
      sessions: await db.$count(authSessions),
    };
  };
  const me = (accessToken: string) =>
    world().app.inject({
      method: 'GET',
      url: '/auth/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });

  it('start: 302 to the provider with PKCE S256, state and nonce, bound to a short-lived cookie', async () => {
    const res = await world().app.inject({ method: 'GET', url: '/auth/oidc/acme/start' });
    expect(res.statusCode).toBe(302);
    const url = new URL(String(res.headers.location));
    expect(url.origin).toBe(world().idp.issuer);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      client_id: world().idp.clientId,
      response_type: 'code',
      redirect_uri: `${APP_BASE}/auth/oidc/acme/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(params.state).toMatch(/^[\w-]{20,}$/);
    expect(params.nonce).toMatch(/^[\w-]{20,}$/);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^keel_oidc=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(setCookie).toContain('Max-Age=600');
    expect(setCookie).toContain('Path=/auth/oidc');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure'); // the app's base URL is http
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('creates an account from a verified email, links it, and its tokens work on GET /auth/me', async () => {
    const res = await world().signIn('alice');
    expect(res.statusCode).toBe(200);
    const tokens = res.json();
    expect(tokens).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: expect.any(Number),
      tokenType: 'Bearer',
    });
    const profile = await me(tokens.accessToken);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ email: 'alice@example.com', name: 'Alice' });
    const links = await world().db.select().from(externalIdentities);
    expect(links).toEqual([
      expect.objectContaining({ provider: 'acme', subject: 'alice', accountId: profile.json().id }),
    ]);
    expect(await counts()).toEqual({ accounts: 1, links: 1, sessions: 1 });
  });

  it('signs the same identity in again to the linked account, creating no other account', async () => {
    const first = await world().signIn('alice');
    const second = await world().signIn('alice');
    expect(second.statusCode).toBe(200);
    const [a, b] = await Promise.all([me(first.json().accessToken), me(second.json().accessToken)]);
    expect(b.json().id).toBe(a.json().id);
    expect(await counts()).toEqual({ accounts: 1, links: 1, sessions: 2 });
  });

  it('an unverified email gets no account: 403 OIDC_EMAIL_UNVERIFIED, nothing written', async () => {
    const res = await world().signIn('bob');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'OIDC_EMAIL_UNVERIFIED' });
    expect(await counts()).toEqual({ accounts: 0, links: 0, sessions: 0 });
  });

  it('an unverified email cannot take over the local account that has it: refused, nothing written', async () => {
    await world().signUp('dave@example.com');
    const before = await counts();
    const res = await world().signIn('mallory');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'OIDC_EMAIL_UNVERIFIED' });
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ accounts: 1, links: 0, sessions: 1 });
  });

  it('a verified email of a local account is never linked silently: 409 OIDC_ACCOUNT_EXISTS', async () => {
    await world().signUp('carol@example.com');
    const res = await world().signIn('carol');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'OIDC_ACCOUNT_EXISTS' });
    expect(res.json().message).toMatch(/sign in with your password/i);
    expect(await counts()).toEqual({ accounts: 1, links: 0, sessions: 1 });
  });

  it('/link while signed in links the identity to that account; later sign-ins use it', async () => {
    const local = await world().signUp('carol@example.com');
    const link = await world().app.inject({
      method: 'POST',
      url: '/auth/oidc/acme/link',
      headers: { authorization: `Bearer ${local.accessToken}` },
    });
    expect(link.statusCode).toBe(200);
    const cookie = stateCookieOf(link);
    const back = await world().authorize(new URL(link.json().url), 'carol');
    const linked = await world().callback(back, cookie);
    expect(linked.statusCode).toBe(200);
    expect((await me(linked.json().accessToken)).json().id).toBe(local.id);
    const rows = await world().db.select().from(externalIdentities);
    expect(rows).toEqual([
      expect.objectContaining({ provider: 'acme', subject: 'carol', accountId: local.id }),
    ]);
    const again = await world().signIn('carol');
    expect((await me(again.json().accessToken)).json().id).toBe(local.id);
    expect(await counts()).toEqual({ accounts: 1, links: 1, sessions: 3 });
  });

  it('/link refuses an identity already linked to another account: 409, nothing changes', async () => {
    await world().signIn('alice');
    const other = await world().signUp('other@example.com');
    const before = await counts();
    const link = await world().app.inject({
      method: 'POST',
      url: '/auth/oidc/acme/link',
      headers: { authorization: `Bearer ${other.accessToken}` },
    });
    const back = await world().authorize(new URL(link.json().url), 'alice');
    const res = await world().callback(back, stateCookieOf(link));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'IDENTITY_ALREADY_LINKED' });
    expect(await counts()).toEqual(before);
  });

  it('/link needs a bearer token: 401, no cookie', async () => {
    const res = await world().app.inject({ method: 'POST', url: '/auth/oidc/acme/link' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain('keel_oidc=');
  });

  it('an unknown provider is a 404 OIDC_PROVIDER_UNKNOWN on every route', async () => {
    const start = await world().app.inject({ method: 'GET', url: '/auth/oidc/nope/start' });
    const callback = await world().app.inject({
      method: 'GET',
      url: '/auth/oidc/nope/callback?code=x&state=y',
    });
    for (const res of [start, callback]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'OIDC_PROVIDER_UNKNOWN' });
    }
  });
});
