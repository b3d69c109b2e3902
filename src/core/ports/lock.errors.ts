/** What the lock port rejects with; each is an HttpError, so one escaping a route answers cleanly. */
import { ConflictError, ServiceUnavailableError } from '../http/errors/http-errors.js';

/** 409 LOCK_TIMEOUT: another holder kept the key for longer than `waitMs`. */
export class LockTimeoutError extends ConflictError {
  constructor(
    readonly key: string,
    readonly waitedMs: number,
  ) {
    super({ code: 'LOCK_TIMEOUT', headers: { 'retry-after': '1' } });
  }
}

/** 503 LOCK_UNAVAILABLE: the lock backend (Redis, Postgres) did not answer in time. */
export class LockUnavailableError extends ServiceUnavailableError {
  constructor(
    readonly key: string,
    cause?: unknown,
  ) {
    super({ code: 'LOCK_UNAVAILABLE', headers: { 'retry-after': '1' }, cause });
  }
}

/** 409 LOCK_LOST: the lease expired or was taken over before this holder finished. */
export class LockLostError extends ConflictError {
  constructor(readonly key: string) {
    super({ code: 'LOCK_LOST' });
  }
}

/** 409 STALE_FENCE: a newer holder of the key has written; this holder's write is refused. */
export class StaleFenceError extends ConflictError {
  constructor(
    readonly key: string,
    readonly fence: number,
  ) {
    super({ code: 'STALE_FENCE' });
  }
}
