/** AuthModule guards every WebSocket upgrade: 401 before the handshake, three credential carriers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectSubprotocol } from '#core';
import {
  AuthWsClient,
  handSignedToken,
  opened,
  type StartedApp,
  startApp,
  upgrade,
} from './ws-auth-fixture.js';

let started: StartedApp;

beforeEach(async () => {
  opened.secure = 0;
  opened.open = 0;
  started = await startApp();
});

afterEach(async () => {
  await started.app.close();
});

async function aliceToken(roles: string[] = ['user']): Promise<string> {
  return (await started.tokens.issueAccessToken({ sub: 'alice', roles, sessionId: 's-1' }))
    .accessToken;
}

async function ticketFor(accessToken: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${started.http}/auth/ws-ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return { status: response.status, body: await response.json() };
}

describe('upgrade refusals', () => {
  it('answers 401 UNAUTHORIZED with a Bearer challenge, and opens nothing, without a token', async () => {
    const answer = await upgrade(`${started.ws}/secure`);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    expect(answer.headers['www-authenticate']).toBe('Bearer realm="keel-api"');
    expect(opened.secure).toBe(0);
  });

  it('answers 401 invalid_token for a garbage, an expired and another audience token', async () => {
    const expired = await handSignedToken(started.app, { sub: 'alice', expiresInSeconds: -60 });
    const otherAudience = await handSignedToken(started.app, {
      sub: 'alice',
      aud: 'other-api',
      expiresInSeconds: 600,
    });
    for (const token of ['not.a.jwt', expired, otherAudience]) {
      const answer = await upgrade(`${started.ws}/secure`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBe(401);
      expect(answer.body?.code).toBe('UNAUTHORIZED');
      expect(answer.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    }
    const expiredAnswer = await upgrade(`${started.ws}/secure`, {
      headers: { authorization: `Bearer ${expired}` },
    });
    expect(expiredAnswer.body?.message).toMatch(/expired/);
    expect(opened.secure).toBe(0);
  });

  it('refuses an access token in the query string, valid or not', async () => {
    const token = await aliceToken();
    for (const query of [`token=${token}`, `access_token=${token}`]) {
      const answer = await upgrade(`${started.ws}/secure?${query}`);
      expect(answer.status).toBe(401);
      expect(answer.body?.message).toMatch(/not accepted in the query string/);
      expect(answer.headers['www-authenticate']).toMatch(/error="invalid_request"/);
    }
    expect(opened.secure).toBe(0);
  });
});

describe('credential carriers', () => {
  it('connects with an Authorization header and handlers see the principal', async () => {
    const client = await AuthWsClient.connect(`${started.ws}/secure`, {
      headers: { authorization: `Bearer ${await aliceToken()}` },
    });
    expect((await client.request('whoami')).data).toMatchObject({ sub: 'alice' });
    expect(await client.request('me')).toEqual({
      event: 'me',
      data: { sub: 'alice', roles: ['user'], scopes: [], sessionId: 's-1' },
    });
    expect(opened.secure).toBe(1);
    await client.close();
  });

  it('connects with the subprotocols "bearer, <jwt>" and answers "bearer", never the token', async () => {
    const token = await aliceToken();
    const answer = await upgrade(`${started.ws}/secure`, { protocols: ['bearer', token] });
    expect(answer).toMatchObject({ status: 101, protocol: 'bearer' });
    expect(answer.headers['sec-websocket-protocol']).toBe('bearer');
    const client = await AuthWsClient.connect(`${started.ws}/secure`, {
      protocols: ['bearer', token],
    });
    expect((await client.request('whoami')).data).toMatchObject({ sub: 'alice' });
    await client.close();
  });

  it('refuses the bearer subprotocol with a bad token', async () => {
    const answer = await upgrade(`${started.ws}/secure`, { protocols: ['bearer', 'x.y.z'] });
    expect(answer.status).toBe(401);
    expect(opened.secure).toBe(0);
  });

  it('selects the first offered subprotocol that is not a credential', () => {
    expect(selectSubprotocol(['bearer', 'aaa.bbb.ccc'])).toBe('bearer');
    expect(selectSubprotocol(['graphql-ws', 'bearer', 'aaa.bbb.ccc'])).toBe('graphql-ws');
    expect(selectSubprotocol(['aaa.bbb.ccc'])).toBe(false);
    expect(selectSubprotocol(['chat'])).toBe('chat');
  });
});

describe('tickets', () => {
  it('issues a 30 s ticket to a bearer caller, no-store, and 401 without a token', async () => {
    const response = await fetch(`${started.http}/auth/ws-ticket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await aliceToken()}` },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ ticket: expect.any(String), expiresIn: 30 });
    const anonymous = await fetch(`${started.http}/auth/ws-ticket`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('documents POST /auth/ws-ticket as bearer-secured, 201 or 401, with no example', async () => {
    const doc = (await started.app.inject({ url: '/docs/json' })).json();
    const operation = doc.paths['/auth/ws-ticket'].post;
    expect(operation.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['201', '401']));
    expect(JSON.stringify(operation)).not.toMatch(/"examples?"/);
  });

  it('connects once with a ticket, carrying the principal and token expiry; a reuse is 401', async () => {
    const token = await aliceToken(['user', 'admin']);
    const { ticket } = (await ticketFor(token)).body as { ticket: string };
    const client = await AuthWsClient.connect(`${started.ws}/secure?ticket=${ticket}`);
    const expiresAt = (await started.tokens.verifyAccessToken(token)).expiresAt;
    expect((await client.request('whoami')).data).toEqual({ sub: 'alice', expiresAt });
    expect((await client.request('me')).data).toMatchObject({ roles: ['user', 'admin'] });
    const again = await upgrade(`${started.ws}/secure?ticket=${ticket}`);
    expect(again.status).toBe(401);
    expect(again.body?.message).toMatch(/already used/);
    expect(opened.secure).toBe(1);
    await client.close();
  });

  it('does not take an access token as a ticket, nor a ticket as an access token', async () => {
    const token = await aliceToken();
    const { ticket } = (await ticketFor(token)).body as { ticket: string };
    expect((await upgrade(`${started.ws}/secure?ticket=${token}`)).status).toBe(401);
    const asBearer = await upgrade(`${started.ws}/secure`, {
      headers: { authorization: `Bearer ${ticket}` },
    });
    expect(asBearer.status).toBe(401);
    expect(opened.secure).toBe(0);
  });
});

describe('@Public() gateways', () => {
  it('admit clients without a token, or with a bad one, as anonymous', async () => {
    const anonymous = await AuthWsClient.connect(`${started.ws}/open`);
    expect((await anonymous.request('whoami')).data).toBeNull();
    const bad = await AuthWsClient.connect(`${started.ws}/open`, {
      headers: { authorization: 'Bearer not.a.jwt' },
    });
    expect((await bad.request('whoami')).data).toBeNull();
    await Promise.all([anonymous.close(), bad.close()]);
  });

  it('still name the principal of a valid token', async () => {
    const client = await AuthWsClient.connect(`${started.ws}/open`, {
      headers: { authorization: `Bearer ${await aliceToken()}` },
    });
    expect((await client.request('whoami')).data).toBe('alice');
    await client.close();
  });
});
