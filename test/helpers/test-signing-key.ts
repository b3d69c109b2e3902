/** A signing key for apps started as production in tests and benches (they refuse to make their own). */
import { generateKeyPairSync } from 'node:crypto';

let cached: string | undefined;

/** `AUTH_PRIVATE_KEY` holding one Ed25519 key, the same for every app of this process. */
export function testPrivateKeyEnv(): string {
  if (cached === undefined) {
    const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
    const created = new Date().toISOString();
    const key = {
      ...jwk,
      kid: `test-${process.pid}`,
      alg: 'EdDSA',
      use: 'sig',
      created,
      active_from: created,
    };
    cached = JSON.stringify({ keys: [key] });
  }
  return cached;
}
