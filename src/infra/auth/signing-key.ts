/** One signing key: its private JWK on disk or in env, generated and parsed with jose. */
import { randomUUID } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { badKeyMaterial } from './auth-errors.js';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from './auth-options.js';

/** A key as stored: a private JWK plus `kid`, `alg` and when it starts signing. */
export interface StoredKey extends JWK {
  kid: string;
  alg: SigningAlgorithm;
  /** ISO time the key was made. */
  created: string;
  /** ISO time from which it signs (published and accepted before that). */
  active_from: string;
}

/** The public half of a key, as published in the JWKS. */
export interface PublicJwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  kid: string;
  alg: string;
  use: 'sig';
}

/** A key ready for jose. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  /** Epoch ms from which it signs. */
  readonly activeFrom: number;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** The public half as published in the JWKS (`kty`, `crv`, `x`, `y`, `kid`, `alg`, `use`). */
  readonly publicJwk: PublicJwk;
}

const PUBLIC_MEMBERS = ['crv', 'x', 'y'] as const;

/** Makes a new key pair; it signs from `activeFrom` (default now). */
export async function generateStoredKey(
  alg: SigningAlgorithm = 'EdDSA',
  activeFrom: Date = new Date(),
): Promise<StoredKey> {
  const options = alg === 'EdDSA' ? { extractable: true, crv: 'Ed25519' } : { extractable: true };
  const { privateKey } = await generateKeyPair(alg, options);
  const jwk = await exportJWK(privateKey);
  const created = new Date().toISOString();
  return {
    ...jwk,
    kid: `${created.slice(0, 10)}-${randomUUID().slice(0, 8)}`,
    alg,
    use: 'sig',
    created,
    active_from: activeFrom.toISOString(),
  };
}

/** Imports a stored key; `where` names its file or variable in errors (never its content). */
export async function importStoredKey(stored: unknown, where: string): Promise<SigningKey> {
  const key = stored as Partial<StoredKey> | null;
  if (typeof key !== 'object' || key === null) throw badKeyMaterial(where, 'is not a JSON object');
  const { kid, alg, d } = key;
  if (typeof kid !== 'string' || kid.length === 0) throw badKeyMaterial(where, 'has no "kid"');
  if (!SIGNING_ALGORITHMS.includes(alg as SigningAlgorithm)) {
    throw badKeyMaterial(where, `has "alg" ${JSON.stringify(alg)}; expected EdDSA or ES256`);
  }
  if (typeof d !== 'string') throw badKeyMaterial(where, 'is not a private key (no "d")');
  const activeFrom = Date.parse(key.active_from ?? key.created ?? '');
  if (Number.isNaN(activeFrom)) throw badKeyMaterial(where, 'has no valid "active_from" time');
  if (typeof key.kty !== 'string') throw badKeyMaterial(where, 'has no "kty"');
  const publicJwk: PublicJwk = { kty: key.kty, kid, alg: alg as string, use: 'sig' };
  for (const member of PUBLIC_MEMBERS) {
    const value = key[member];
    if (typeof value === 'string') publicJwk[member] = value;
  }
  try {
    const privateKey = (await importJWK({ ...key, ext: false }, alg)) as CryptoKey;
    const publicKey = (await importJWK({ ...publicJwk }, alg)) as CryptoKey;
    return { kid, alg: alg as SigningAlgorithm, activeFrom, privateKey, publicKey, publicJwk };
  } catch (error) {
    throw badKeyMaterial(where, 'cannot be imported as a key', error);
  }
}

/** The keys of a JWK or `{ keys: [...] }` JSON text. */
export function parseKeyJson(text: string, where: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badKeyMaterial(where, 'is not valid JSON', error);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  return Array.isArray(keys) ? keys : [parsed];
}
