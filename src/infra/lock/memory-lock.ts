/** In-process lock: one holder per key in this process, with TTL expiry and per-key fences. */
import { randomUUID } from 'node:crypto';
import { type Lease, type Lock, type LockOptions, LockTimeoutError, StaleFenceError } from '#core';
import { DEFAULT_LOCK_TTL_MS } from './lock-defaults.js';
import { type LeaseBackend, LockLease, type RenewResult } from './lock-lease.js';

interface Holder {
  token: string;
  expiresAt: number;
}

/**
 * Holders and fences in maps of this process: right for tests and single-process apps only.
 * Waiters sleep until a release wakes them or the holder's expiry passes. Fence counters are
 * kept for every key ever locked (that is what keeps fences increasing).
 */
export class MemoryLock implements Lock {
  private readonly holders = new Map<string, Holder>();
  private readonly fences = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly backend: LeaseBackend = {
    release: async (key, token) => this.free(key, token),
    renew: async (key, token, ttlMs) => this.renew(key, token, ttlMs),
  };

  async acquire(key: string, options: LockOptions = {}): Promise<Lease> {
    const ttlMs = options.ttlMs ?? DEFAULT_LOCK_TTL_MS;
    const waitMs = options.waitMs ?? 0;
    const started = performance.now();
    for (;;) {
      const startedAt = performance.now();
      const fence = this.tryTake(key, ttlMs);
      if (fence !== undefined) {
        const grant = { key, ttlMs, startedAt, autoExtend: options.autoExtend === true };
        return new LockLease(this.backend, { ...grant, token: fence.token, fence: fence.fence });
      }
      const remaining = waitMs - (performance.now() - started);
      if (remaining <= 0) throw new LockTimeoutError(key, Math.round(performance.now() - started));
      const holder = this.holders.get(key);
      const untilExpiry = holder ? holder.expiresAt - Date.now() : 0;
      await this.sleep(key, Math.max(1, Math.min(remaining, untilExpiry + 1)));
    }
  }

  async assertFence(key: string, fence: number): Promise<void> {
    if ((this.fences.get(key) ?? 0) > fence) throw new StaleFenceError(key, fence);
  }

  private tryTake(key: string, ttlMs: number): { token: string; fence: number } | undefined {
    const holder = this.holders.get(key);
    if (holder && holder.expiresAt > Date.now()) return undefined;
    const token = randomUUID();
    const fence = (this.fences.get(key) ?? 0) + 1;
    this.fences.set(key, fence);
    this.holders.set(key, { token, expiresAt: Date.now() + ttlMs });
    return { token, fence };
  }

  private free(key: string, token: string): boolean {
    const holder = this.holders.get(key);
    if (!holder || holder.token !== token || holder.expiresAt <= Date.now()) return false;
    this.holders.delete(key);
    this.wake(key);
    return true;
  }

  private renew(key: string, token: string, ttlMs: number): RenewResult {
    const holder = this.holders.get(key);
    if (!holder || holder.token !== token || holder.expiresAt <= Date.now()) return 'lost';
    holder.expiresAt = Date.now() + ttlMs;
    return 'ok';
  }

  private sleep(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.waiters.get(key) ?? new Set<() => void>();
      this.waiters.set(key, waiters);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0 && this.waiters.get(key) === waiters) this.waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
    });
  }

  private wake(key: string): void {
    for (const done of [...(this.waiters.get(key) ?? [])]) done();
  }
}
