/** In-process attempt limiter: one record per key in a bounded map (per worker, lost on restart). */
import type { AttemptLimiter, AttemptPolicy, AttemptState } from '#core';
import { type AttemptRecord, EMPTY_RECORD, expiresAt, failAt, stateAt } from './attempt-window.js';

/** Settings of `MemoryAttemptLimiter`. */
export interface MemoryAttemptLimiterOptions {
  /** Keys kept at most; past it, expired records go first, then the oldest. Default 100000. */
  maxKeys?: number;
  /** The clock (epoch ms); tests may pass their own. */
  now?: () => number;
}

/**
 * Counts failures in a `Map`. Atomic by construction (each call runs to completion without
 * awaiting), so it is exact within one process; across workers each counts its own.
 */
export class MemoryAttemptLimiter implements AttemptLimiter {
  private readonly records = new Map<string, AttemptRecord>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: MemoryAttemptLimiterOptions = {}) {
    this.maxKeys = Math.max(1, options.maxKeys ?? 100_000);
    this.now = options.now ?? Date.now;
  }

  async peek(key: string, _policy: AttemptPolicy): Promise<AttemptState> {
    return stateAt(this.records.get(key) ?? EMPTY_RECORD, this.now());
  }

  async fail(key: string, policy: AttemptPolicy): Promise<AttemptState> {
    const now = this.now();
    const { record, state } = failAt(this.current(key, now), policy, now);
    // Re-inserted so that the map's order is the order of last failure (oldest first).
    this.records.delete(key);
    this.records.set(key, record);
    if (this.records.size > this.maxKeys) this.sweep(now);
    return state;
  }

  async reset(key: string): Promise<void> {
    const record = this.records.get(key);
    if (!record) return;
    if (record.lockoutsForgottenAt <= this.now()) {
      this.records.delete(key);
      return;
    }
    // The lockout history stays, so a success does not restart the backoff for an attacker.
    this.records.set(key, { ...record, count: 0, windowEndsAt: 0, blockedUntil: 0 });
  }

  /** How many keys are held (for tests and diagnostics). */
  get size(): number {
    return this.records.size;
  }

  private current(key: string, now: number): AttemptRecord {
    const record = this.records.get(key);
    return record && expiresAt(record) > now ? record : EMPTY_RECORD;
  }

  private sweep(now: number): void {
    for (const [key, record] of this.records) {
      if (expiresAt(record) <= now) this.records.delete(key);
    }
    // Down to 90 %, so a full map does not scan on every insert.
    const target = Math.floor(this.maxKeys * 0.9);
    for (const key of this.records.keys()) {
      if (this.records.size <= target) break;
      this.records.delete(key);
    }
  }
}
