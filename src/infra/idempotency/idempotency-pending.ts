/** The run a request holds a claim for: set by the interceptor, settled by the recorder's hooks. */
import type { FastifyRequest } from 'fastify';
import type { IdempotencyStore } from '#core';

/** A claimed key waiting for the response that settles it. */
export interface PendingRun {
  readonly store: IdempotencyStore;
  readonly key: string;
  readonly token: string;
  readonly retentionMs: number;
  /** Lower-case names of the headers to store. */
  readonly headers: readonly string[];
  /** Set once the record was completed or released. */
  settled: boolean;
}

// Behind a symbol: no other code can read or forge it.
const PENDING = Symbol('keel:idempotency-pending');

type Marked = FastifyRequest & { [PENDING]?: PendingRun };

/** Marks `request` as holding `run`'s claim. */
export function markPending(request: FastifyRequest, run: PendingRun): void {
  (request as Marked)[PENDING] = run;
}

/** The unsettled run `request` holds, if any. */
export function pendingOf(request: FastifyRequest): PendingRun | undefined {
  const run = (request as Marked)[PENDING];
  return run === undefined || run.settled ? undefined : run;
}
