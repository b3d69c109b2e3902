/** No code, nonce, PKCE verifier, state cookie, client secret or token of an OIDC run in the logs. */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { useOidcWorld } from './helpers/oidc-world.js';

describe('OIDC sign-in logs', () => {
  const world = useOidcWorld('pglite');

  it('logs every request of a full run at debug level, without any secret it used', async () => {
    const secrets: string[] = [world().idp.clientSecret];
    const keep = (...values: Array<string | null | undefined>) => {
      for (const value of values) if (value) secrets.push(value);
    };
    // A sign-in, a replay of it, and a refused one (its error is logged with its causes).
    const flow = await world().start();
    const back = await world().authorize(flow.authorizeUrl, 'alice');
    const ok = await world().callback(back, flow.cookie);
    await world().callback(back, flow.cookie);
    const refused = await world().start();
    const tampered = new URL(refused.authorizeUrl);
    tampered.searchParams.set('nonce', 'attacker-chosen-nonce-value');
    const refusedBack = await world().authorize(tampered, 'alice');
    expect((await world().callback(refusedBack, refused.cookie)).statusCode).toBe(401);
    for (const started of [flow, refused]) {
      const token = started.cookie.slice('keel_oidc='.length);
      const claims = decodeJwt(token);
      // The state itself may show in the access log's URL (redactUrl keeps it): it is single-use,
      // used up before the line is written, and worthless without the signed cookie.
      keep(token, String(claims.nn), String(claims.cv));
    }
    keep(back.searchParams.get('code'), refusedBack.searchParams.get('code'));
    keep(ok.json().accessToken, ok.json().refreshToken);

    const text = JSON.stringify(world().logs);
    expect(world().logs.filter((line) => line.msg === 'request completed').length).toBeGreaterThan(
      3,
    );
    expect(text).toContain('/auth/oidc/acme/callback');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(15);
      expect(text, 'a flow secret is in the logs').not.toContain(secret);
    }
  });
});
