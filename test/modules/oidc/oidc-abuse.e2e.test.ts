/**
 * The OIDC callback's abuse cases against a real provider (oidc-provider): each is refused with
 * its status and code, and leaves no account, link or session behind.
 */
import { describe, expect, it } from 'vitest';
import { accounts, authSessions, externalIdentities } from '#modules/identity';
import { TEST_DRIVERS } from '../../helpers/test-database.js';
import { useOidcWorld } from './helpers/oidc-world.js';

describe.each(TEST_DRIVERS)('OIDC callback abuse on %s', (driver) => {
  const world = useOidcWorld(driver);
  const nothingWritten = async () => {
    const { db } = world();
    expect(await db.$count(accounts)).toBe(0);
    expect(await db.$count(externalIdentities)).toBe(0);
    expect(await db.$count(authSessions)).toBe(0);
  };
  const rejectedLogs = () =>
    JSON.stringify(world().logs.filter((line) => line.msg === 'request rejected'));
  const withParam = (url: URL, name: string, value: string | undefined) => {
    const copy = new URL(url);
    if (value === undefined) copy.searchParams.delete(name);
    else copy.searchParams.set(name, value);
    return copy;
  };

  it('a wrong, missing or foreign state: 400 OIDC_STATE_INVALID, nothing written', async () => {
    const flow = await world().start();
    const back = await world().authorize(flow.authorizeUrl, 'alice');
    const other = await world().start();
    const cases = [
      world().callback(withParam(back, 'state', 'not-the-state'), flow.cookie),
      world().callback(withParam(back, 'state', undefined), flow.cookie),
      world().callback(back), // no cookie
      world().callback(back, other.cookie), // the cookie of another flow
      world().callback(back, 'keel_oidc=forged.jws.value'),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'OIDC_STATE_INVALID' });
    }
    await nothingWritten();
  });

  it('a state bound to another provider: 400 OIDC_STATE_INVALID', async () => {
    const flow = await world().start('acme');
    const back = await world().authorize(flow.authorizeUrl, 'alice');
    const res = await world().callback(
      new URL(`/auth/oidc/liar/callback${back.search}`, back),
      flow.cookie,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'OIDC_STATE_INVALID' });
    await nothingWritten();
  });

  it('a replayed callback: 400 OIDC_STATE_INVALID, one session only, and the cookie is cleared', async () => {
    const flow = await world().start();
    const back = await world().authorize(flow.authorizeUrl, 'alice');
    const first = await world().callback(back, flow.cookie);
    expect(first.statusCode).toBe(200);
    expect(String(first.headers['set-cookie'])).toMatch(
      /^keel_oidc=; Max-Age=0; Path=\/auth\/oidc/,
    );
    const replay = await world().callback(back, flow.cookie);
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ code: 'OIDC_STATE_INVALID' });
    expect(await world().db.$count(authSessions)).toBe(1);
  });

  it('an ID token with another nonce: 401 OIDC_ID_TOKEN_INVALID, nothing written', async () => {
    const flow = await world().start();
    // The provider is asked for another nonce than the one the cookie binds (an injected request).
    const tampered = withParam(flow.authorizeUrl, 'nonce', 'attacker-chosen-nonce-value');
    const back = await world().authorize(tampered, 'alice');
    const res = await world().callback(back, flow.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'OIDC_ID_TOKEN_INVALID' });
    expect(rejectedLogs()).toContain('unexpected ID Token \\"nonce\\" claim value');
    await nothingWritten();
  });

  it('an ID token from another issuer: 401 OIDC_ID_TOKEN_INVALID, nothing written', async () => {
    // "liar" is discovered at another origin that names itself the issuer; the tokens are the real one's.
    const flow = await world().start('liar');
    const back = await world().authorize(flow.authorizeUrl, 'alice');
    const withoutIss = await world().callback(withParam(back, 'iss', undefined), flow.cookie);
    expect(withoutIss.statusCode).toBe(401);
    expect(withoutIss.json()).toMatchObject({ code: 'OIDC_ID_TOKEN_INVALID' });
    expect(rejectedLogs()).toContain('unexpected JWT \\"iss\\" (issuer) claim value');
    await nothingWritten();
  });

  it('a callback that names another issuer (mix-up): 401 before the code is spent', async () => {
    const flow = await world().start('liar');
    const back = await world().authorize(flow.authorizeUrl, 'alice');
    const res = await world().callback(back, flow.cookie); // iss= is the real provider's
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'OIDC_ID_TOKEN_INVALID' });
    expect(rejectedLogs()).toContain('unexpected \\"iss\\" (issuer) response parameter value');
    await nothingWritten();
  });

  it('a code the provider refuses (wrong PKCE verifier): 400 OIDC_CODE_REJECTED', async () => {
    const flow = await world().start();
    const other = await world().start();
    // The code of one flow with the state and cookie of another: its verifier does not match.
    const back = await world().authorize(flow.authorizeUrl, 'alice');
    const otherState = other.authorizeUrl.searchParams.get('state') ?? '';
    const res = await world().callback(withParam(back, 'state', otherState), other.cookie);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'OIDC_CODE_REJECTED' });
    await nothingWritten();
  });

  it('the provider answers error=access_denied: 400 OIDC_PROVIDER_ERROR', async () => {
    const flow = await world().start();
    const state = flow.authorizeUrl.searchParams.get('state') ?? '';
    const url = new URL(
      `http://keel.test/auth/oidc/acme/callback?error=access_denied&state=${state}`,
    );
    const res = await world().callback(url, flow.cookie);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'OIDC_PROVIDER_ERROR',
      details: { error: 'access_denied' },
    });
    await nothingWritten();
  });
});
