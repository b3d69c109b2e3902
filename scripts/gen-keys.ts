/**
 * `npm run gen:keys`: a new signing key pair for access tokens.
 *   npm run gen:keys                      writes <AUTH_KEYS_DIR>/<kid>.json (mode 600)
 *   npm run gen:keys -- --env             prints AUTH_PRIVATE_KEY=... (the current keys + the new one)
 *   npm run gen:keys -- --activate-in 10m publishes the key now, signs with it 10 minutes later
 *   npm run gen:keys -- --prune           also deletes key files whose tokens have all expired
 * Options: --dir <folder>, --alg EdDSA|ES256. Rotation: generate with --activate-in longer than
 * a rolling restart, reload every worker (they read keys at boot), and the new key takes over.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  generateStoredKey,
  importStoredKey,
  liveKeys,
  parseKeyJson,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
} from '#infra/auth';
import { loadConfigOrExit } from '../src/app/config.js';

const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

function seconds(raw: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(raw);
  if (!match) throw new Error(`--activate-in "${raw}" is not a duration such as 90s, 10m or 1h`);
  return Number(match[1]) * (UNITS[match[2] || 's'] ?? 1);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      alg: { type: 'string', default: 'EdDSA' },
      'activate-in': { type: 'string', default: '0' },
      env: { type: 'boolean', default: false },
      prune: { type: 'boolean', default: false },
    },
  });
  const alg = values.alg as SigningAlgorithm;
  if (!SIGNING_ALGORITHMS.includes(alg))
    throw new Error(`--alg must be EdDSA or ES256, got "${alg}"`);
  const config = loadConfigOrExit();
  const activeFrom = new Date(Date.now() + seconds(values['activate-in']) * 1000);
  const key = await generateStoredKey(alg, activeFrom);
  if (values.env) {
    const current = config.authPrivateKey
      ? parseKeyJson(config.authPrivateKey, 'AUTH_PRIVATE_KEY')
      : [];
    process.stdout.write(`AUTH_PRIVATE_KEY='${JSON.stringify({ keys: [...current, key] })}'\n`);
    process.stderr.write(
      `New key ${key.kid} signs from ${key.active_from}. The value is a secret: keep it out of logs and git.\n`,
    );
    return;
  }
  const dir = values.dir ?? config.authKeysDir;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, `${key.kid}.json`), `${JSON.stringify(key, null, 2)}\n`, {
    flag: 'wx',
    mode: 0o600,
  });
  process.stdout.write(
    `Wrote ${join(dir, `${key.kid}.json`)}: ${alg} key ${key.kid}, signs from ${key.active_from}.\n`,
  );
  if (values.prune) await prune(dir, (config.authAccessTtlSeconds + 5) * 1000);
}

/** Deletes the files of keys that can no longer have a live token. */
async function prune(dir: string, retireAfterMs: number): Promise<void> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  const keys = await Promise.all(
    files.map(async (name) => {
      const [stored] = parseKeyJson(await readFile(join(dir, name), 'utf8'), name);
      return { name, ...(await importStoredKey(stored, join(dir, name))) };
    }),
  );
  keys.sort((a, b) => b.activeFrom - a.activeFrom);
  const live = new Set(liveKeys(keys, Date.now(), retireAfterMs).map((key) => key.name));
  for (const { name, kid } of keys) {
    if (live.has(name)) continue;
    await rm(join(dir, name));
    process.stdout.write(`Removed retired key ${kid} (${name}).\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`gen:keys failed: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
