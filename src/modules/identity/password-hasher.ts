/** argon2id hashing with the configured cost, and a dummy hash so unknown emails take as long. */
import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { Inject, Injectable, type OnModuleInit } from '#core';
import { IDENTITY_OPTIONS, type ResolvedIdentityOptions } from './identity-options.js';

// `Algorithm` is an ambient const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * Hashes passwords (argon2id, a random salt per password) and checks them in constant time.
 * Checking against no hash verifies against a dummy one computed at boot with the same cost,
 * so "no such account" and "wrong password" take about the same time.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash: Promise<string> | undefined;

  constructor(@Inject(IDENTITY_OPTIONS) private readonly options: ResolvedIdentityOptions) {}

  /**
   * Starts the dummy hash, from a random password nobody knows. Not awaited: argon2 runs on the
   * thread pool, and at OWASP's cost it would add tens of milliseconds to every boot.
   */
  onModuleInit(): void {
    this.dummy();
  }

  /** A PHC string (`$argon2id$v=19$m=...`) of `password`. */
  hash(password: string): Promise<string> {
    const { memoryKib, iterations, parallelism } = this.options.argon2;
    return hash(password, {
      algorithm: ARGON2ID,
      memoryCost: memoryKib,
      timeCost: iterations,
      parallelism,
    });
  }

  /** True when `password` matches `stored`; a missing hash does the same work and is false. */
  async verify(stored: string | null | undefined, password: string): Promise<boolean> {
    if (!stored) {
      await verify(await this.dummy(), password).catch(() => false);
      return false;
    }
    return verify(stored, password).catch(() => false);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
    // A failed hash is retried by the next caller instead of failing every sign-in.
    this.dummyHash.catch(() => {
      this.dummyHash = undefined;
    });
    return this.dummyHash;
  }
}
