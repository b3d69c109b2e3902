/** The key ring: keys from a folder or AUTH_PRIVATE_KEY, rotation, retirement, shared by workers. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '#core';
import {
  AUTH_ERROR_CODES,
  type AuthKeySource,
  DEV_KEY_FILE,
  generateStoredKey,
  importStoredKey,
  SigningKeys,
  type StoredKey,
  TokenService,
} from '#infra/auth';
import { bearer, probeApp } from './auth-test-app.js';

const MINUTE = 60_000;
const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function start(keys: AuthKeySource): Promise<App> {
  const app = await probeApp({ keys, accessTtlSeconds: 900 });
  apps.push(app);
  return app;
}

async function folder(...keys: StoredKey[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'keel-keys-'));
  for (const key of keys) await writeFile(join(dir, `${key.kid}.json`), JSON.stringify(key));
  return dir;
}

/** The boot error of an app that must not start. */
function bootError(keys: AuthKeySource): Promise<Error> {
  return start(keys).then(
    () => new Error('the app booted'),
    (error: unknown) => error as Error,
  );
}

const at = (offsetMs: number) => new Date(Date.now() + offsetMs);

/** A token signed with `stored` directly, valid for 10 more minutes. */
async function signedWith(stored: StoredKey): Promise<string> {
  const key = await importStoredKey(stored, 'test');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: [] })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
    .setIssuer('keel')
    .setAudience('keel-api')
    .setSubject('carol')
    .setJti('j1')
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + 600)
    .sign(key.privateKey);
}

describe('SigningKeys', () => {
  it('signs with the newest active key and publishes a key before it activates', async () => {
    const old = await generateStoredKey('EdDSA', at(-60 * MINUTE));
    const next = await generateStoredKey('ES256', at(10 * MINUTE));
    const app = await start({ dir: await folder(old, next) });
    expect(app.get(SigningKeys).current().kid).toBe(old.kid);
    const jwks = (await app.inject({ url: '/.well-known/jwks.json' })).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid).sort()).toEqual([old.kid, next.kid].sort());
    for (const key of jwks.keys) expect(key).not.toHaveProperty('d');
    expect((await app.inject({ url: '/.well-known/jwks.json' })).headers['cache-control']).toBe(
      'public, max-age=300',
    );
    // Accepted ahead of activation, so a worker that rotated first is understood by the others.
    const early = await app.inject({ url: '/probe/me', headers: bearer(await signedWith(next)) });
    expect(early.statusCode).toBe(200);
  });

  it('keeps verifying a superseded key until its tokens have expired, then drops it', async () => {
    const retired = await generateStoredKey('EdDSA', at(-120 * MINUTE));
    const previous = await generateStoredKey('EdDSA', at(-60 * MINUTE));
    const current = await generateStoredKey('EdDSA', at(-5 * MINUTE));
    const app = await start({ dir: await folder(retired, previous, current) });
    expect(app.get(SigningKeys).current().kid).toBe(current.kid);
    const kids = app
      .get(SigningKeys)
      .jwks()
      .keys.map((key) => key.kid);
    expect(kids).toEqual([current.kid, previous.kid]);
    const fromPrevious = await app.inject({
      url: '/probe/me',
      headers: bearer(await signedWith(previous)),
    });
    expect(fromPrevious.statusCode).toBe(200);
    // Someone holding the retired private key cannot mint tokens any more.
    const fromRetired = await app.inject({
      url: '/probe/me',
      headers: bearer(await signedWith(retired)),
    });
    expect(fromRetired.statusCode).toBe(401);
  });

  it('lets several workers share keys through AUTH_PRIVATE_KEY: one signs, another verifies', async () => {
    const privateKeys = JSON.stringify({ keys: [await generateStoredKey('ES256')] });
    const [one, two] = [await start({ privateKeys }), await start({ privateKeys })];
    const { accessToken } = await one.get(TokenService).issueAccessToken({ sub: 'dan' });
    const res = await two.inject({ url: '/probe/me', headers: bearer(accessToken) });
    expect([res.statusCode, res.json().sub]).toEqual([200, 'dan']);
    expect(
      JSON.parse(
        accessToken.split('.')[0]
          ? Buffer.from(accessToken.split('.')[0] ?? '', 'base64url').toString()
          : '{}',
      ),
    ).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
  });

  it('refuses to boot without keys where it may not make one (production)', async () => {
    const dir = join(tmpdir(), `keel-no-keys-${process.pid}`);
    const error = await bootError({ dir, generateIfMissing: false });
    // The boot error (KEEL_DI_HOOK_FAILED) quotes it; its cause is the auth error itself.
    expect(error.message).toContain('npm run gen:keys');
    expect(error.cause).toMatchObject({ code: AUTH_ERROR_CODES.NO_KEYS });
  });

  it('names a bad key file without printing its content', async () => {
    const key = await generateStoredKey('EdDSA');
    const dir = await folder({ ...key, alg: 'HS256' as never });
    const error = await bootError({ dir });
    expect(error.cause).toMatchObject({ code: AUTH_ERROR_CODES.BAD_KEY });
    expect(error.message).toContain(join(dir, `${key.kid}.json`));
    expect(error.message).not.toContain(String(key.d));
  });

  it('writes one development key and reuses it on the next boot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keel-dev-keys-'));
    const first = await start({ dir, generateIfMissing: 'file' });
    const second = await start({ dir, generateIfMissing: 'file' });
    expect(await readdir(dir)).toEqual([DEV_KEY_FILE]);
    expect(second.get(SigningKeys).current().kid).toBe(first.get(SigningKeys).current().kid);
    expect(JSON.parse(await readFile(join(dir, DEV_KEY_FILE), 'utf8'))).toHaveProperty('d');
  });

  it('npm run gen:keys writes a key the app signs with, and --env prints one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keel-gen-keys-'));
    const out = execFileSync(
      'npx',
      ['bun', 'scripts/gen-keys.ts', '--dir', dir, '--alg', 'ES256'],
      {
        encoding: 'utf8',
      },
    );
    const [file] = await readdir(dir);
    expect(out).toContain(`Wrote ${join(dir, String(file))}`);
    const app = await start({ dir });
    expect(app.get(SigningKeys).current()).toMatchObject({ alg: 'ES256' });
    const env = execFileSync('npx', ['bun', 'scripts/gen-keys.ts', '--env'], {
      encoding: 'utf8',
      env: { ...process.env, AUTH_PRIVATE_KEY: '' },
    });
    const value = /^AUTH_PRIVATE_KEY='(.+)'$/m.exec(env)?.[1] ?? '';
    const fromEnv = await start({ privateKeys: value });
    expect(fromEnv.get(SigningKeys).jwks().keys).toHaveLength(1);
  });
});
