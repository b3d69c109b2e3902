/**
 * The app's key ring: which key signs now, which keys still verify, and the public JWKS.
 * Rotation: a new key (from `npm run gen:keys`) signs from its `active_from`; an older key keeps
 * verifying until every token it can have signed has expired, then leaves the set.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '#core';
import { noSigningKeys } from './auth-errors.js';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options.js';
import {
  generateStoredKey,
  importStoredKey,
  type PublicJwk,
  parseKeyJson,
  type SigningKey,
} from './signing-key.js';

/** Name of the key a development app writes for itself when none is configured. */
export const DEV_KEY_FILE = 'dev-signing-key.json';

/** Loaded at boot from AUTH_PRIVATE_KEY or AUTH_KEYS_DIR (see `AuthKeySource`). */
@Injectable()
export class SigningKeys implements OnModuleInit {
  private keys: SigningKey[] = [];
  /** How long after being superseded a key can still have live tokens. */
  private readonly retireAfterMs: number;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions) {
    this.retireAfterMs = (options.accessTtlSeconds + options.clockToleranceSeconds) * 1000;
  }

  /** Reads the keys (or makes one where allowed). */
  async onModuleInit(): Promise<void> {
    const source = this.options.keys;
    let keys = source.privateKeys ? await fromJson(source.privateKeys, 'AUTH_PRIVATE_KEY') : [];
    if (keys.length === 0 && source.dir !== undefined) keys = await keysInDir(source.dir);
    if (keys.length === 0) keys = await this.generate();
    this.keys = keys.sort((a, b) => b.activeFrom - a.activeFrom);
  }

  /** The key that signs at `now`: the newest already active (the oldest if none is yet). */
  current(now = Date.now()): SigningKey {
    const key = this.keys.find((k) => k.activeFrom <= now) ?? this.keys.at(-1);
    if (!key) throw noSigningKeys(this.options.keys.dir);
    return key;
  }

  /** The keys a token may be signed with at `now`: not yet retired (newest first). */
  verifying(now = Date.now()): SigningKey[] {
    this.current(now);
    return liveKeys(this.keys, now, this.retireAfterMs);
  }

  /** The verifying key with this `kid`, if any. */
  find(kid: string, now = Date.now()): SigningKey | undefined {
    return this.verifying(now).find((key) => key.kid === kid);
  }

  /** The public JWKS (`GET /.well-known/jwks.json`). */
  jwks(now = Date.now()): { keys: PublicJwk[] } {
    return { keys: this.verifying(now).map((key) => ({ ...key.publicJwk })) };
  }

  private async generate(): Promise<SigningKey[]> {
    const { generateIfMissing, dir, algorithm } = this.options.keys;
    if (!generateIfMissing) throw noSigningKeys(dir);
    const stored = await generateStoredKey(algorithm);
    if (generateIfMissing === 'memory' || dir === undefined) {
      return [await importStoredKey(stored, 'a generated key')];
    }
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, DEV_KEY_FILE);
    try {
      await writeFile(file, `${JSON.stringify(stored, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      // Another process of the same checkout wrote it first: use that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return keysInDir(dir);
  }
}

/**
 * The keys of `keys` (sorted newest first) that can still have live tokens at `now`: the signer,
 * keys not active yet (published ahead of a rotation), and older keys superseded less than
 * `retireAfterMs` ago (superseded when the next newer key became active).
 */
export function liveKeys<K extends { activeFrom: number }>(
  keys: readonly K[],
  now: number,
  retireAfterMs: number,
): K[] {
  const signer = keys.find((key) => key.activeFrom <= now) ?? keys.at(-1);
  if (!signer) return [];
  return keys.filter((key, index) => {
    if (key.activeFrom >= signer.activeFrom) return true;
    const supersededAt = keys[index - 1]?.activeFrom ?? now;
    return supersededAt + retireAfterMs > now;
  });
}

async function fromJson(text: string, where: string): Promise<SigningKey[]> {
  const entries = parseKeyJson(text, where);
  return Promise.all(entries.map((entry, i) => importStoredKey(entry, `${where} (key ${i + 1})`)));
}

/** Reads every `*.json` key file of `dir` (none when it does not exist). */
export async function keysInDir(dir: string): Promise<SigningKey[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const keys: SigningKey[] = [];
  for (const name of names) {
    const file = join(dir, name);
    keys.push(...(await fromJson(await readFile(file, 'utf8'), file)));
  }
  return keys;
}
