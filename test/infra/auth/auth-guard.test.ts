/** The global guards: @Public, @Roles (any), @Scopes (all), method over class, and OpenAPI marks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '#core';
import { TokenService } from '#infra/auth';
import { bearer, probeApp } from './auth-test-app.js';

describe('AuthGuard and RolesGuard', () => {
  let app: App;
  const token = async (roles: string[] = [], scopes: string[] = []) =>
    (await app.get(TokenService).issueAccessToken({ sub: 'bob', roles, scopes, sessionId: 's1' }))
      .accessToken;

  beforeAll(async () => {
    app = await probeApp();
  });
  afterAll(() => app?.close());

  it('puts the principal in the context for @CurrentUser()', async () => {
    const res = await app.inject({ url: '/probe/me', headers: bearer(await token(['user'])) });
    expect(res.json()).toEqual({ sub: 'bob', roles: ['user'], sessionId: 's1' });
  });

  it('lets anyone call a @Public() route, and still reads a valid token there', async () => {
    expect((await app.inject({ url: '/probe/open' })).json()).toEqual({ sub: null });
    const signedIn = await app.inject({ url: '/probe/open', headers: bearer(await token()) });
    expect(signedIn.json()).toEqual({ sub: 'bob' });
    const forged = await app.inject({ url: '/probe/open', headers: bearer('forged.token.here') });
    expect([forged.statusCode, forged.json()]).toEqual([200, { sub: null }]);
  });

  it('protects a method marked @Public(false) inside a public class', async () => {
    expect((await app.inject({ url: '/mixed/open' })).statusCode).toBe(200);
    const closed = await app.inject({ url: '/mixed/closed' });
    expect([closed.statusCode, closed.json().code]).toEqual([401, 'UNAUTHORIZED']);
  });

  it('answers 403 FORBIDDEN without one of the roles, 200 with any one of them', async () => {
    const user = await app.inject({ url: '/probe/admin', headers: bearer(await token(['user'])) });
    expect([user.statusCode, user.json().code]).toEqual([403, 'FORBIDDEN']);
    const owner = await app.inject({
      url: '/probe/admin',
      headers: bearer(await token(['owner'])),
    });
    expect(owner.statusCode).toBe(200);
  });

  it('needs every scope, and names the missing ones (insufficient_scope)', async () => {
    const some = await app.inject({
      url: '/probe/scoped',
      headers: { ...bearer(await token([], ['users:read'])), 'accept-language': 'pt-BR' },
    });
    expect([some.statusCode, some.json().code]).toEqual([403, 'FORBIDDEN']);
    expect(some.json().message).toContain('users:write');
    expect(some.headers['www-authenticate']).toContain(
      'error="insufficient_scope", scope="users:write"',
    );
    const all = await app.inject({
      url: '/probe/scoped',
      headers: bearer(await token([], ['users:read', 'users:write'])),
    });
    expect(all.statusCode).toBe(200);
  });

  it('answers 401 (not 403) on a role route without a token', async () => {
    const res = await app.inject({ url: '/probe/admin' });
    expect(res.statusCode).toBe(401);
  });

  it('marks secured operations with bearerAuth and public ones with security: []', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const me = doc.paths['/probe/me'].get;
    expect(me.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(me.responses)).toEqual(expect.arrayContaining(['401']));
    expect(Object.keys(me.responses)).not.toContain('403');
    const open = doc.paths['/probe/open'].get;
    expect(open.security).toEqual([]);
    expect(Object.keys(open.responses)).not.toContain('401');
    expect(Object.keys(doc.paths['/probe/admin'].get.responses)).toEqual(
      expect.arrayContaining(['401', '403']),
    );
    expect(doc.paths['/.well-known/jwks.json'].get.security).toEqual([]);
  });
});
