/** IdentityService, the surface the OIDC sign-in uses: accounts, outside identities, sessions. */
import { describe, expect, it } from 'vitest';
import {
  AccountGoneError,
  accounts,
  authSessions,
  EmailTakenError,
  externalIdentities,
  IdentityAlreadyLinkedError,
  IdentityService,
} from '#modules/identity';
import { TEST_DRIVERS } from '../../helpers/test-database.js';
import { PASSWORD, useIdentityApp } from './identity-app.js';

describe.each(TEST_DRIVERS)('IdentityService on %s', (driver) => {
  const t = useIdentityApp(driver);
  const service = () => t().app.get(IdentityService);

  it('creates an account without a password, email lowercase; a taken email is EMAIL_TAKEN', async () => {
    const account = await service().createExternalAccount({
      email: 'Ana@Example.com',
      name: 'Ana',
    });
    expect(account).toEqual({
      id: expect.any(String),
      email: 'ana@example.com',
      name: 'Ana',
      roles: [],
      createdAt: expect.any(Date),
    });
    const [row] = await t().db.select().from(accounts);
    expect(row?.passwordHash).toBeNull();
    await expect(
      service().createExternalAccount({ email: 'ANA@example.com', name: 'B' }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    expect(await t().db.$count(accounts)).toBe(1);
  });

  it('finds accounts by id and by email whatever its case; unknown and non-UUID ids are undefined', async () => {
    const { userId } = await t().signUp('bo@example.com');
    expect((await service().findAccountByEmail('BO@example.COM'))?.id).toBe(userId);
    expect((await service().findAccountById(userId))?.email).toBe('bo@example.com');
    expect(await service().findAccountById(crypto.randomUUID())).toBeUndefined();
    expect(await service().findAccountById('not-a-uuid')).toBeUndefined();
    expect(await service().findAccountByEmail('nobody@example.com')).toBeUndefined();
    expect(JSON.stringify(await service().findAccountById(userId))).not.toContain('argon2');
  });

  it('links an outside identity once; linking it again to the same account is a no-op', async () => {
    const account = await service().createExternalAccount({ email: 'cy@example.com', name: 'Cy' });
    const identity = { provider: 'google', subject: 'g-123', email: 'Cy@Example.com' };
    await service().linkExternalIdentity(account.id, identity);
    await service().linkExternalIdentity(account.id, identity);
    expect((await service().findAccountByExternalIdentity('google', 'g-123'))?.id).toBe(account.id);
    expect(await service().findAccountByExternalIdentity('github', 'g-123')).toBeUndefined();
    const rows = await t().db.select().from(externalIdentities);
    expect(rows).toEqual([
      {
        provider: 'google',
        subject: 'g-123',
        accountId: account.id,
        email: 'cy@example.com',
        linkedAt: expect.any(Date),
      },
    ]);
  });

  it('refuses to link an identity another account holds: IDENTITY_ALREADY_LINKED, the link unchanged', async () => {
    const owner = await service().createExternalAccount({ email: 'di@example.com', name: 'Di' });
    const thief = await service().createExternalAccount({ email: 'ed@example.com', name: 'Ed' });
    await service().linkExternalIdentity(owner.id, { provider: 'google', subject: 'g-9' });
    const attempt = service().linkExternalIdentity(thief.id, {
      provider: 'google',
      subject: 'g-9',
    });
    await expect(attempt).rejects.toBeInstanceOf(IdentityAlreadyLinkedError);
    await expect(attempt).rejects.toMatchObject({
      statusCode: 409,
      code: 'IDENTITY_ALREADY_LINKED',
    });
    const rows = await t().db.select().from(externalIdentities);
    expect(rows.map((r) => r.accountId)).toEqual([owner.id]);
  });

  it('linking to an account that does not exist is ACCOUNT_NOT_FOUND and writes nothing', async () => {
    await expect(
      service().linkExternalIdentity(crypto.randomUUID(), { provider: 'google', subject: 'g-1' }),
    ).rejects.toBeInstanceOf(AccountGoneError);
    expect(await t().db.$count(externalIdentities)).toBe(0);
  });

  it('issues a session: a working token pair, the session stored with its ip and user agent', async () => {
    const account = await service().createExternalAccount({ email: 'fi@example.com', name: 'Fi' });
    await t()
      .db.update(accounts)
      .set({ roles: ['admin'] });
    const pair = await service().issueSession(account.id, {
      ip: '10.1.2.3',
      userAgent: 'test-agent',
    });
    expect(pair).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await t().get('/auth/me', pair.accessToken);
    expect(me.json()).toEqual({
      id: account.id,
      email: 'fi@example.com',
      name: 'Fi',
      roles: ['admin'],
    });
    const [session] = await t().db.select().from(authSessions);
    expect(session).toMatchObject({
      accountId: account.id,
      ip: '10.1.2.3',
      userAgent: 'test-agent',
    });
    expect((await t().post('/auth/refresh', { refreshToken: pair.refreshToken })).statusCode).toBe(
      200,
    );
    await expect(service().issueSession(crypto.randomUUID())).rejects.toBeInstanceOf(
      AccountGoneError,
    );
  });
});

describe('sign-in timing with the default argon2 cost', () => {
  const t = useIdentityApp('pglite', {
    identity: { argon2: { memoryKib: 19_456, iterations: 2 }, signIn: { maxAttempts: 1000 } },
  });

  it('an unknown email takes about as long as a wrong password (the dummy hash is verified)', async () => {
    await t().signUp('timing@example.com', PASSWORD);
    const time = async (email: string) => {
      const started = performance.now();
      const res = await t().post('/auth/sign-in', { email, password: 'not the password' });
      expect(res.statusCode).toBe(401);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      known.push(await time('timing@example.com'));
      unknown.push(await time(`ghost${i}@example.com`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
    // Without the dummy check the unknown email would answer in well under a tenth of the time.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(median(unknown)).toBeLessThan(median(known) * 2);
  });
});
