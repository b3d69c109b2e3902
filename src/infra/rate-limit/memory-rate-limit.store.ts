/** In-process rate-limit store: one window record per key in a bounded map (per worker). */
import type { RateLimitDecision, RateLimitPolicy, RateLimitStore } from '#core';
import { EMPTY_WINDOW, forgettableAt, hitAt, type WindowRecord } from './sliding-window.js';

/** Settings of `MemoryRateLimitStore`. */
export interface MemoryRateLimitStoreOptions {
  /** Keys kept at most; past it, forgettable records go first, then the least recently hit. Default 100000. */
  maxKeys?: number;
  /** The clock (epoch ms); tests may pass their own. */
  now?: () => number;
}

interface Entry {
  record: WindowRecord;
  expiresAt: number;
}

/**
 * Counts hits in a `Map` with `hitAt`. Atomic by construction (each call runs to completion
 * without awaiting), so it is exact within one process; across workers each counts its own.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: MemoryRateLimitStoreOptions = {}) {
    this.maxKeys = Math.max(1, options.maxKeys ?? 100_000);
    this.now = options.now ?? Date.now;
  }

  async consume(key: string, policy: RateLimitPolicy): Promise<RateLimitDecision> {
    const now = this.now();
    const entry = this.entries.get(key);
    const { record, decision } = hitAt(entry?.record ?? EMPTY_WINDOW, policy, now);
    // A refused hit is not counted, so the record stays as it was.
    if (decision.allowed) {
      // Re-inserted so the map's order is the order of last hit (least recent first).
      this.entries.delete(key);
      this.entries.set(key, { record, expiresAt: forgettableAt(record, policy.windowMs) });
      if (this.entries.size > this.maxKeys) this.sweep(now);
    }
    return decision;
  }

  async reset(key: string): Promise<void> {
    this.entries.delete(key);
  }

  /** How many keys are held (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
    }
    // Down to 90 %, so a full map does not scan on every insert.
    const target = Math.floor(this.maxKeys * 0.9);
    for (const key of this.entries.keys()) {
      if (this.entries.size <= target) break;
      this.entries.delete(key);
    }
  }
}
