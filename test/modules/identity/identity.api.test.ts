/** The /auth API on a real app: sign-up, sign-in, /auth/me, validation, translations, what is stored. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TokenService } from '#infra/auth';
import { accounts, authSessions, refreshTokens } from '#modules/identity';
import { TEST_DRIVERS } from '../../helpers/test-database.js';
import { PASSWORD, useIdentityApp } from './identity-app.js';

describe.each(TEST_DRIVERS)('identity API on %s', (driver) => {
  const t = useIdentityApp(driver);

  it('signs up: 201 with the contract shape, email stored lowercase, an argon2id hash, a session', async () => {
    const res = await t().post('/auth/sign-up', {
      email: 'Ana@Example.COM',
      password: PASSWORD,
      name: 'Ana',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      user: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: 'ana@example.com', name: 'Ana' },
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresIn: 900,
    });
    const [row] = await t().db.select().from(accounts);
    expect(row).toMatchObject({ email: 'ana@example.com', roles: [] });
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(row?.passwordHash).not.toContain(PASSWORD);
    const principal = await t().app.get(TokenService).verifyAccessToken(body.accessToken);
    expect(principal.sub).toBe(body.user.id);
    const sessions = await t().db.select().from(authSessions);
    expect(sessions.map((s) => [s.id, s.accountId, s.revokedAt])).toEqual([
      [principal.sessionId, body.user.id, null],
    ]);
  });

  it('stores only a SHA-256 of the refresh token, and no row anywhere holds the password or token', async () => {
    const { refreshToken } = await t().signUp('bo@example.com');
    const [token] = await t().db.select().from(refreshTokens);
    expect(token?.tokenHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token?.tokenHash).not.toBe(refreshToken);
    const dump = JSON.stringify([
      await t().db.select().from(accounts),
      await t().db.select().from(authSessions),
      await t().db.select().from(refreshTokens),
    ]);
    expect(dump).not.toContain(PASSWORD);
    expect(dump).not.toContain(refreshToken);
  });

  it('refuses a taken email whatever its case: 409 EMAIL_TAKEN, translated, nothing written', async () => {
    await t().signUp('cy@example.com');
    const res = await t().post(
      '/auth/sign-up',
      { email: 'CY@example.com', password: 'another password!', name: 'Other' },
      { headers: { 'accept-language': 'es' } },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'EMAIL_TAKEN', details: { field: 'email' } });
    expect(res.json().message).toContain('ya está registrada');
    expect(await t().db.$count(accounts)).toBe(1);
    expect(await t().db.$count(authSessions)).toBe(1);
    expect(await t().db.$count(refreshTokens)).toBe(1);
  });

  it('rejects bad sign-up bodies with 400 VALIDATION_FAILED and writes nothing', async () => {
    const cases = [
      { email: 'di@example.com', password: 'short', name: 'Di' },
      { email: 'di@example.com', password: 'x'.repeat(129), name: 'Di' },
      { email: 'not-an-email', password: PASSWORD, name: 'Di' },
      { email: 'di@example.com', password: PASSWORD, name: '' },
      { email: 'di@example.com', password: PASSWORD, name: 'Di', roles: ['admin'] },
      { email: 'di@example.com', name: 'Di' },
    ];
    for (const payload of cases) {
      const res = await t().post('/auth/sign-up', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await t().db.$count(accounts)).toBe(0);
  });

  it('signs in: 200 with the token pair, a new session each time, email case ignored', async () => {
    const { userId } = await t().signUp('ed@example.com');
    const res = await t().post('/auth/sign-in', { email: 'ED@example.com', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresIn: 900,
      tokenType: 'Bearer',
    });
    const principal = await t().app.get(TokenService).verifyAccessToken(res.json().accessToken);
    expect(principal).toMatchObject({ sub: userId, roles: [] });
    const sessions = await t()
      .db.select()
      .from(authSessions)
      .where(eq(authSessions.accountId, userId));
    expect(sessions).toHaveLength(2);
  });

  it('wrong password and unknown email get the same 401 INVALID_CREDENTIALS body', async () => {
    await t().signUp('fi@example.com');
    const wrong = await t().post('/auth/sign-in', {
      email: 'fi@example.com',
      password: 'not the password',
    });
    const unknown = await t().post('/auth/sign-in', {
      email: 'nobody@example.com',
      password: 'not the password',
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'The email or the password is wrong.',
    });
    expect(await t().db.$count(authSessions)).toBe(1);
  });

  it('an account without a password (made by an OIDC sign-in) cannot sign in with one', async () => {
    await t()
      .db.insert(accounts)
      .values({ email: 'oidc@example.com', name: 'O', passwordHash: null });
    const res = await t().post('/auth/sign-in', { email: 'oidc@example.com', password: PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('translates INVALID_CREDENTIALS (es, pt-BR)', async () => {
    const es = await t().post(
      '/auth/sign-in',
      { email: 'x@example.com', password: 'nope' },
      { headers: { 'accept-language': 'es' } },
    );
    expect(es.json().message).toBe('El correo o la contraseña no son correctos.');
    const pt = await t().post('/auth/sign-in?lang=pt-BR', {
      email: 'x@example.com',
      password: 'nope',
    });
    expect(pt.json().message).toBe('O e-mail ou a senha estão incorretos.');
  });

  it('GET /auth/me: 200 with the account and its roles; 401 without a token', async () => {
    const { userId, accessToken } = await t().signUp('gi@example.com');
    await t()
      .db.update(accounts)
      .set({ roles: ['admin'] });
    const res = await t().get('/auth/me', accessToken);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: userId,
      email: 'gi@example.com',
      name: 'Test',
      roles: ['admin'],
    });
    const anonymous = await t().get('/auth/me');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHORIZED');
  });

  it('GET /auth/me for a deleted account: 401 ACCOUNT_NOT_FOUND (its token is still signed)', async () => {
    const tokens = t().app.get(TokenService);
    const { accessToken } = await tokens.issueAccessToken({ sub: crypto.randomUUID() });
    const gone = await t().get('/auth/me', accessToken);
    expect(gone.statusCode).toBe(401);
    expect(gone.json().code).toBe('ACCOUNT_NOT_FOUND');
    const foreign = await tokens.issueAccessToken({ sub: 'auth0|not-a-uuid' });
    expect((await t().get('/auth/me', foreign.accessToken)).json().code).toBe('ACCOUNT_NOT_FOUND');
    const { accessToken: deleted } = await t().signUp('hu@example.com');
    await t().db.delete(accounts);
    const res = await t().get('/auth/me', deleted);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('sign-in validation: 400 for a missing password, an unknown key, a bad email', async () => {
    for (const payload of [
      { email: 'a@example.com' },
      { email: 'a@example.com', password: PASSWORD, remember: true },
      { email: 'nope', password: PASSWORD },
    ]) {
      const res = await t().post('/auth/sign-in', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('documents every route: public ones without security, error responses, no examples holding secrets', async () => {
    const doc = (await t().app.inject({ url: '/docs/json' })).json();
    const auth = Object.fromEntries(
      Object.entries(doc.paths).filter(([path]) => path.startsWith('/auth/')),
    );
    const mine = [
      'change-password',
      'me',
      'refresh',
      'sign-in',
      'sign-out',
      'sign-out-all',
      'sign-up',
    ];
    expect(Object.keys(auth)).toEqual(expect.arrayContaining(mine.map((p) => `/auth/${p}`)));
    const signIn = doc.paths['/auth/sign-in'].post;
    expect(signIn.security).toEqual([]);
    expect(Object.keys(signIn.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '429']),
    );
    expect(Object.keys(doc.paths['/auth/sign-up'].post.responses)).toEqual(
      expect.arrayContaining(['201', '409']),
    );
    expect(doc.paths['/auth/me'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(doc.paths['/auth/me'].get.responses)).toEqual(
      expect.arrayContaining(['200', '401']),
    );
    expect(Object.keys(doc.paths['/auth/sign-out'].post.responses)).toEqual(
      expect.arrayContaining(['204', '401']),
    );
    expect(JSON.stringify(auth)).not.toMatch(/"examples?"/);
  });
});
