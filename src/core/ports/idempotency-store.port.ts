/** The idempotency store port: one execution per idempotency key, and its response kept for retries. */
import { createToken, type InjectionToken } from '../di/injection-token.js';

/** A response as it was sent, to be sent again on a retry. */
export interface StoredResponse {
  readonly statusCode: number;
  /** Lower-case names: `content-type`, `location` and the route's chosen headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** The serialized body, exactly as sent. */
  readonly body: string;
}

/** What `claim` found for a key. */
export type IdempotencyClaim =
  /** Nobody ran it: the caller runs the request, then `complete`s or `release`s with `token`. */
  | { readonly state: 'acquired'; readonly token: string }
  /** The first request with this key is still running (409). */
  | { readonly state: 'in-progress' }
  /** The key was used with another request fingerprint (422). */
  | { readonly state: 'mismatch' }
  /** It ran and answered `response` (replay it). */
  | { readonly state: 'completed'; readonly response: StoredResponse };

/**
 * Records per key (already scoped to the caller): which request fingerprint it belongs to, whether
 * it is running, and the response once done. Every operation is atomic across processes. Rejects
 * with `IdempotencyUnavailableError` when the backend cannot answer.
 */
export interface IdempotencyStore {
  /** Claims `key` for a run of `fingerprint`; the claim lapses after `lockMs` (a crashed run). */
  claim(key: string, fingerprint: string, lockMs: number): Promise<IdempotencyClaim>;
  /** Stores the response of the run holding `token`, kept for `retentionMs`. */
  complete(
    key: string,
    token: string,
    response: StoredResponse,
    retentionMs: number,
  ): Promise<void>;
  /** Drops the claim of `token` (the run failed), so a retry runs again. */
  release(key: string, token: string): Promise<void>;
}

/** Injection token of the idempotency store (`IdempotencyModule.forRoot` provides it). */
export const IDEMPOTENCY_STORE: InjectionToken<IdempotencyStore> =
  createToken<IdempotencyStore>('IdempotencyStore');

/** Why a store could not answer (Redis down or too slow). */
export class IdempotencyUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('the idempotency store did not answer', { cause });
    this.name = 'IdempotencyUnavailableError';
  }
}
