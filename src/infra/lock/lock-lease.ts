/** The `Lease` both lock adapters hand out: local expiry, auto-renewal and loss in one place. */
import { type Lease, LockLostError, LockUnavailableError } from '#core';

/** What a renewal found: still ours, taken over (or expired), or the backend did not answer. */
export type RenewResult = 'ok' | 'lost' | 'unavailable';

/** The backend calls a lease makes; each is token-checked by the adapter. */
export interface LeaseBackend {
  /** True when the key was still held with `token` and is now free; undefined when unknown. */
  release(key: string, token: string): Promise<boolean | undefined>;
  renew(key: string, token: string, ttlMs: number): Promise<RenewResult>;
}

/** What an adapter knows once an acquisition succeeded. */
export interface LeaseGrant {
  key: string;
  token: string;
  fence: number;
  ttlMs: number;
  /** `performance.now()` taken before the acquiring call: the lease is counted from there. */
  startedAt: number;
  autoExtend: boolean;
}

/**
 * A held lock. Its expiry is counted locally from before the acquiring call, so the signal
 * aborts no later than the backend frees the key. Auto-renewal runs at a third of the TTL; a
 * renewal that finds the token gone aborts at once, an unreachable backend aborts at expiry.
 */
export class LockLease implements Lease {
  readonly key: string;
  readonly token: string;
  readonly fence: number;
  private readonly controller = new AbortController();
  private readonly ttlMs: number;
  private expiry: ReturnType<typeof setTimeout> | undefined;
  private renewer: ReturnType<typeof setInterval> | undefined;
  private renewing = false;
  private released: Promise<boolean> | undefined;

  constructor(
    private readonly backend: LeaseBackend,
    grant: LeaseGrant,
  ) {
    this.key = grant.key;
    this.token = grant.token;
    this.fence = grant.fence;
    this.ttlMs = grant.ttlMs;
    this.expireAt(grant.startedAt + grant.ttlMs);
    if (grant.autoExtend) this.startRenewing();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  release(): Promise<boolean> {
    this.released ??= this.doRelease();
    return this.released;
  }

  async extend(ttlMs = this.ttlMs): Promise<void> {
    if (this.lost() || this.released) throw new LockLostError(this.key);
    const startedAt = performance.now();
    const result = await this.backend.renew(this.key, this.token, ttlMs);
    if (result === 'unavailable') throw new LockUnavailableError(this.key);
    if (result === 'lost' || this.lost()) {
      this.lose();
      throw new LockLostError(this.key);
    }
    this.expireAt(startedAt + ttlMs);
  }

  private async doRelease(): Promise<boolean> {
    const wasLost = this.lost();
    this.stopTimers();
    if (wasLost) return false;
    return (await this.backend.release(this.key, this.token)) === true;
  }

  private startRenewing(): void {
    const every = Math.max(1, Math.floor(this.ttlMs / 3));
    this.renewer = setInterval(() => void this.renewOnce(), every);
    this.renewer.unref?.();
  }

  private async renewOnce(): Promise<void> {
    if (this.renewing || this.lost() || this.released) return;
    this.renewing = true;
    try {
      const startedAt = performance.now();
      const result = await this.backend.renew(this.key, this.token, this.ttlMs);
      if (this.released || this.lost()) return;
      // 'unavailable' changes nothing: the next tick retries, the expiry timer decides.
      if (result === 'ok') this.expireAt(startedAt + this.ttlMs);
      if (result === 'lost') this.lose();
    } finally {
      this.renewing = false;
    }
  }

  private expireAt(deadline: number): void {
    if (this.expiry) clearTimeout(this.expiry);
    const delay = Math.max(0, deadline - performance.now());
    this.expiry = setTimeout(() => this.lose(), delay);
    this.expiry.unref?.();
  }

  private lost(): boolean {
    return this.controller.signal.aborted;
  }

  private lose(): void {
    this.stopTimers();
    if (!this.lost()) this.controller.abort(new LockLostError(this.key));
  }

  private stopTimers(): void {
    if (this.expiry) clearTimeout(this.expiry);
    if (this.renewer) clearInterval(this.renewer);
    this.expiry = undefined;
    this.renewer = undefined;
  }
}
