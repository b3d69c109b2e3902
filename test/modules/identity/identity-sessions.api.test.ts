/** Sessions on a real app: refresh rotation, reuse detection, sign-out, sign-out-all, password change. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TokenService } from '#infra/auth';
import { accounts, authSessions, refreshTokens } from '#modules/identity';
import { TEST_DRIVERS } from '../../helpers/test-database.js';
import { bearer, PASSWORD, useIdentityApp } from './identity-app.js';

describe.each(TEST_DRIVERS)('identity sessions on %s', (driver) => {
  const t = useIdentityApp(driver);
  const refresh = (refreshToken: string) => t().post('/auth/refresh', { refreshToken });
  const sidOf = async (accessToken: string) =>
    (await t().app.get(TokenService).verifyAccessToken(accessToken)).sessionId;
  const signIn = async (email: string, password = PASSWORD) =>
    (await t().post('/auth/sign-in', { email, password })).json();

  it('refresh rotates: a new pair for the same session, the old token marked used', async () => {
    const first = await t().signUp('ana@example.com');
    const res = await refresh(first.refreshToken);
    expect(res.statusCode).toBe(200);
    const next = res.json();
    expect(next).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect(await sidOf(next.accessToken)).toBe(await sidOf(first.accessToken));
    const rows = await t().db.select().from(refreshTokens).orderBy(refreshTokens.createdAt);
    expect(rows.map((row) => row.usedAt !== null)).toEqual([true, false]);
    expect((await refresh(next.refreshToken)).statusCode).toBe(200);
  });

  it('a reused token: 401 REFRESH_TOKEN_REUSED, its session revoked, the newest token of the family refused', async () => {
    const { userId, refreshToken: a } = await t().signUp('bo@example.com');
    const other = await signIn('bo@example.com');
    const b = (await refresh(a)).json().refreshToken;
    const c = (await refresh(b)).json().refreshToken;
    const reused = await refresh(a);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('REFRESH_TOKEN_REUSED');
    const newest = await refresh(c);
    expect(newest.statusCode).toBe(401);
    expect(newest.json().code).toBe('INVALID_REFRESH_TOKEN');
    const sessions = await t()
      .db.select()
      .from(authSessions)
      .where(eq(authSessions.accountId, userId));
    const reasons = sessions.map((s) => s.revokeReason ?? 'active').sort();
    expect(reasons).toEqual(['active', 'refresh_token_reused']);
    expect(sessions.find((s) => s.revokeReason)?.revokedAt).toBeInstanceOf(Date);
    // The account's other session is a different family and keeps working.
    expect((await refresh(other.refreshToken)).statusCode).toBe(200);
  });

  it('two concurrent refreshes with one token: exactly one wins', async () => {
    const { refreshToken } = await t().signUp('cy@example.com');
    const results = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    expect(results.find((r) => r.statusCode === 401)?.json().code).toBe('REFRESH_TOKEN_REUSED');
    expect(await t().db.$count(refreshTokens)).toBe(2);
  });

  it('unknown and expired tokens: 401 INVALID_REFRESH_TOKEN, nothing consumed', async () => {
    const unknown = await refresh('x'.repeat(43));
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('INVALID_REFRESH_TOKEN');
    const { refreshToken } = await t().signUp('di@example.com');
    await t()
      .db.update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) });
    const expired = await refresh(refreshToken);
    expect(expired.json().code).toBe('INVALID_REFRESH_TOKEN');
    const [row] = await t().db.select().from(refreshTokens);
    expect(row?.usedAt).toBeNull();
  });

  it('refresh validation: 400 for an empty token or an unknown key', async () => {
    for (const payload of [{}, { refreshToken: '' }, { refreshToken: 'a', extra: 1 }]) {
      expect((await t().post('/auth/refresh', payload)).statusCode).toBe(400);
    }
  });

  it('a refresh picks up roles granted since sign-in', async () => {
    const { refreshToken } = await t().signUp('ed@example.com');
    await t()
      .db.update(accounts)
      .set({ roles: ['admin'] });
    const { accessToken } = (await refresh(refreshToken)).json();
    expect((await t().app.get(TokenService).verifyAccessToken(accessToken)).roles).toEqual([
      'admin',
    ]);
  });

  it('sign-out: 204, the session revoked, its refresh token refused, /auth/me 401 SESSION_REVOKED', async () => {
    const mine = await t().signUp('fi@example.com');
    const other = await signIn('fi@example.com');
    const res = await t().post('/auth/sign-out', undefined, bearer(mine.accessToken));
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const [session] = await t()
      .db.select()
      .from(authSessions)
      .where(eq(authSessions.id, (await sidOf(mine.accessToken)) ?? ''));
    expect(session?.revokeReason).toBe('sign_out');
    expect((await refresh(mine.refreshToken)).json().code).toBe('INVALID_REFRESH_TOKEN');
    const me = await t().get('/auth/me', mine.accessToken);
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('SESSION_REVOKED');
    expect((await t().get('/auth/me', other.accessToken)).statusCode).toBe(200);
    expect((await refresh(other.refreshToken)).statusCode).toBe(200);
  });

  it('sign-out and sign-out-all need a token: 401 without one, nothing revoked', async () => {
    await t().signUp('gi@example.com');
    for (const url of ['/auth/sign-out', '/auth/sign-out-all', '/auth/change-password']) {
      expect((await t().post(url)).statusCode, url).toBe(401);
    }
    const sessions = await t().db.select().from(authSessions);
    expect(sessions.map((s) => s.revokedAt)).toEqual([null]);
  });

  it('sign-out-all: 204, every session of the account revoked, other accounts untouched', async () => {
    const mine = await t().signUp('hu@example.com');
    const second = await signIn('hu@example.com');
    const stranger = await t().signUp('iv@example.com');
    const res = await t().post('/auth/sign-out-all', undefined, bearer(mine.accessToken));
    expect(res.statusCode).toBe(204);
    for (const token of [mine.refreshToken, second.refreshToken]) {
      expect((await refresh(token)).json().code).toBe('INVALID_REFRESH_TOKEN');
    }
    const reasons = (
      await t().db.select().from(authSessions).where(eq(authSessions.accountId, mine.userId))
    ).map((s) => s.revokeReason);
    expect(reasons).toEqual(['sign_out_all', 'sign_out_all']);
    expect((await refresh(stranger.refreshToken)).statusCode).toBe(200);
  });

  it('change-password: wrong current 401 INVALID_CREDENTIALS; right one revokes the other sessions only', async () => {
    const mine = await t().signUp('jo@example.com');
    const other = await signIn('jo@example.com');
    const change = (currentPassword: string, newPassword: string) =>
      t().post('/auth/change-password', { currentPassword, newPassword }, bearer(mine.accessToken));
    const wrong = await change('not my password', 'a brand new password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect((await change(PASSWORD, 'short')).statusCode).toBe(400);
    const [before] = await t().db.select().from(accounts);
    expect((await change(PASSWORD, 'a brand new password')).statusCode).toBe(204);
    const [after] = await t().db.select().from(accounts);
    expect(after?.passwordHash).not.toBe(before?.passwordHash);
    expect((await refresh(other.refreshToken)).json().code).toBe('INVALID_REFRESH_TOKEN');
    expect((await t().get('/auth/me', other.accessToken)).json().code).toBe('SESSION_REVOKED');
    expect((await t().get('/auth/me', mine.accessToken)).statusCode).toBe(200);
    expect((await refresh(mine.refreshToken)).statusCode).toBe(200);
    expect(
      (await t().post('/auth/sign-in', { email: 'jo@example.com', password: PASSWORD })).statusCode,
    ).toBe(401);
    expect(
      (
        await t().post('/auth/sign-in', {
          email: 'jo@example.com',
          password: 'a brand new password',
        })
      ).statusCode,
    ).toBe(200);
  });
});
