/** In-process idempotency store: a bounded Map with expiry on an injectable clock. */
import { randomUUID } from 'node:crypto';
import {
  type Clock,
  type IdempotencyClaim,
  type IdempotencyStore,
  type StoredResponse,
  systemClock,
} from '#core';

/** Settings of `MemoryIdempotencyStore`. */
export interface MemoryIdempotencyStoreOptions {
  /** Records kept at most; the oldest goes first once full. Default 10000. */
  maxKeys?: number;
  /** Time source (tests pass a fake one). Default the system clock. */
  clock?: Clock;
}

interface MemoryRecord {
  fingerprint: string;
  token: string | undefined;
  response: StoredResponse | undefined;
  expiresAt: number;
}

/**
 * One process's records: fine for one worker and for tests. Every operation is synchronous, so
 * claims are atomic within the process; workers do not share records (use the Redis store).
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, MemoryRecord>();
  private readonly maxKeys: number;
  private readonly clock: Clock;

  constructor(options: MemoryIdempotencyStoreOptions = {}) {
    this.maxKeys = Math.max(1, options.maxKeys ?? 10_000);
    this.clock = options.clock ?? systemClock;
  }

  async claim(key: string, fingerprint: string, lockMs: number): Promise<IdempotencyClaim> {
    const now = this.clock.now().getTime();
    const record = this.live(key, now);
    if (record === undefined) {
      const token = randomUUID();
      this.insert(key, { fingerprint, token, response: undefined, expiresAt: now + lockMs });
      return { state: 'acquired', token };
    }
    if (record.fingerprint !== fingerprint) return { state: 'mismatch' };
    if (record.response !== undefined) return { state: 'completed', response: record.response };
    return { state: 'in-progress' };
  }

  async complete(
    key: string,
    token: string,
    response: StoredResponse,
    retentionMs: number,
  ): Promise<void> {
    const now = this.clock.now().getTime();
    const record = this.live(key, now);
    if (record?.token !== token || record.response !== undefined) return;
    record.token = undefined;
    record.response = { ...response, headers: { ...response.headers } };
    record.expiresAt = now + retentionMs;
  }

  async release(key: string, token: string): Promise<void> {
    const record = this.live(key, this.clock.now().getTime());
    if (record?.token === token && record.response === undefined) this.records.delete(key);
  }

  /** Records currently held (expired ones included until touched): for tests and metrics. */
  get size(): number {
    return this.records.size;
  }

  private live(key: string, now: number): MemoryRecord | undefined {
    const record = this.records.get(key);
    if (record === undefined || record.expiresAt > now) return record;
    this.records.delete(key);
    return undefined;
  }

  private insert(key: string, record: MemoryRecord): void {
    if (this.records.size >= this.maxKeys) this.evict();
    this.records.set(key, record);
  }

  // Expired records go first; if none, the oldest inserted one (Map keeps insertion order).
  private evict(): void {
    const time = this.clock.now().getTime();
    for (const [key, record] of this.records) {
      if (record.expiresAt <= time) this.records.delete(key);
    }
    if (this.records.size < this.maxKeys) return;
    const oldest = this.records.keys().next();
    if (!oldest.done) this.records.delete(oldest.value);
  }
}
