/** Defaults shared by the lock adapters (milliseconds). */

/** A lease lasts this long unless the caller says otherwise (the port's documented default). */
export const DEFAULT_LOCK_TTL_MS = 30_000;
