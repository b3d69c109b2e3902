/** The `Origin` allow-list checked before a WebSocket upgrade. */

function normalize(origin: string): string {
  try {
    return new URL(origin).origin.toLowerCase();
  } catch {
    return origin.trim().toLowerCase();
  }
}

/** Decides whether an upgrade request's `Origin` header may connect. */
export class WsOriginPolicy {
  private readonly allowed: ReadonlySet<string> | '*';

  constructor(origins: readonly string[] | '*') {
    this.allowed = origins === '*' ? '*' : new Set(origins.map(normalize));
  }

  /** True for `'*'`, for a listed origin and for requests without `Origin` (non-browser clients). */
  allows(origin: string | undefined): boolean {
    if (origin === undefined || this.allowed === '*') return true;
    return this.allowed.has(normalize(origin));
  }
}
