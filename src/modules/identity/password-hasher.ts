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
  private dummyHash: string | undefined;

  constructor(@Inject(IDENTITY_OPTIONS) private readonly options: ResolvedIdentityOptions) {}

  /** Computes the dummy hash once, from a random password nobody knows. */
  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash(randomBytes(32).toString('base64url'));
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
      this.dummyHash ??= await this.hash(randomBytes(32).toString('base64url'));
      await verify(this.dummyHash, password).catch(() => false);
      return false;
    }
    return verify(stored, password).catch(() => false);
  }
}
