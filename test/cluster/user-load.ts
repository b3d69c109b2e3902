/**
 * Steady autocannon load on the user API (POST /users with unique emails, GET /users/:id of
 * created users), with every request tagged by its own `x-request-id` so each response is
 * matched to its request by id: a request that never gets an answer is counted, not lost.
 */
import { randomBytes } from 'node:crypto';
import { type AutocannonRequest, autocannon, honourConnectionClose } from './autocannon.js';

/** How much load, for how long. */
export interface UserLoadOptions {
  url: string;
  durationS: number;
  /** Requests per second over all connections. */
  rate: number;
  connections: number;
  /** A request unanswered after this long counts as a timeout. */
  timeoutS: number;
}

/** A user the API answered 201 for. */
export interface CreatedUser {
  id: string;
  email: string;
}

/** Everything the run saw. */
export interface UserLoadReport {
  sent: number;
  answered: number;
  writes: number;
  reads: number;
  /** Responses per status code. */
  statuses: Record<string, number>;
  non2xx: number;
  timeouts: number;
  /** Socket errors per code (ECONNRESET, EPIPE...), timeouts excluded. */
  socketErrors: Record<string, number>;
  /** Never answered (socket error, timeout or silently dropped), in-flight ones at the end aside. */
  unanswered: number;
  /** Sent in the last 2 s and cut by the end of the run. */
  inFlightAtEnd: number;
  /** Request ids (the local part of the email) of the writes among them. */
  inFlightWriteIds: string[];
  created: CreatedUser[];
}

// Requests still unanswered when autocannon stops were sent in its last moments.
const END_GRACE_MS = 2000;

/** Records what was sent and answered while the load runs. */
class LoadLedger {
  private readonly tag = randomBytes(4).toString('hex');
  private sequence = 0;
  readonly sent = new Map<string, { at: number; kind: 'write' | 'read' }>();
  readonly answered = new Set<string>();
  readonly statuses: Record<string, number> = {};
  readonly socketErrors: Record<string, number> = {};
  readonly created: CreatedUser[] = [];

  tagRequest(request: AutocannonRequest, kind: 'write' | 'read'): string {
    const id = `load-${this.tag}-${++this.sequence}`;
    this.sent.set(id, { at: Date.now(), kind });
    request.headers = { ...request.headers, 'x-request-id': id };
    return id;
  }

  readonly onResponse = (
    status: number,
    body: string,
    _c: unknown,
    headers: Record<string, unknown>,
  ) => {
    const id = String(headers['x-request-id'] ?? headers['X-Request-Id'] ?? '');
    this.answered.add(id);
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    if (status === 201) {
      const user = JSON.parse(body) as CreatedUser;
      this.created.push({ id: user.id, email: user.email });
    }
  };

  /** A created user's path, or the first page while none exists yet. */
  readPath(): string {
    const user = this.created[Math.floor(Math.random() * this.created.length)];
    return user ? `/users/${user.id}` : '/users?limit=1';
  }
}

function requests(ledger: LoadLedger): AutocannonRequest[] {
  const write: AutocannonRequest = {
    method: 'POST',
    path: '/users',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => {
      const id = ledger.tagRequest(request, 'write');
      return { ...request, body: JSON.stringify({ name: 'Load Test', email: `${id}@load.test` }) };
    },
    onResponse: ledger.onResponse,
  };
  const read: AutocannonRequest = {
    method: 'GET',
    setupRequest: (request) => {
      ledger.tagRequest(request, 'read');
      return { ...request, path: ledger.readPath() };
    },
    onResponse: ledger.onResponse,
  };
  return [write, read];
}

/** Runs the load to its end and reports every request's fate. */
export async function runUserLoad(options: UserLoadOptions): Promise<UserLoadReport> {
  const ledger = new LoadLedger();
  const result = await new Promise<{ timeouts: number }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        overallRate: options.rate,
        duration: options.durationS,
        timeout: options.timeoutS,
        requests: requests(ledger),
        setupClient: honourConnectionClose,
      },
      (error, output) => (error ? reject(error) : resolve(output)),
    );
    instance.on('reqError', (error) => {
      if (error.message === 'request timed out') return;
      const code = error.code ?? error.message;
      ledger.socketErrors[code] = (ledger.socketErrors[code] ?? 0) + 1;
    });
  });
  return report(ledger, result.timeouts, Date.now() - END_GRACE_MS);
}

function report(ledger: LoadLedger, timeouts: number, cutoff: number): UserLoadReport {
  let unanswered = 0;
  let writes = 0;
  const inFlight: Array<{ id: string; kind: string }> = [];
  for (const [id, { at, kind }] of ledger.sent) {
    if (kind === 'write') writes += 1;
    if (ledger.answered.has(id)) continue;
    if (at >= cutoff) inFlight.push({ id, kind });
    else unanswered += 1;
  }
  const answered = Object.values(ledger.statuses).reduce((sum, count) => sum + count, 0);
  const non2xx = Object.entries(ledger.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    sent: ledger.sent.size,
    answered,
    writes,
    reads: ledger.sent.size - writes,
    statuses: { ...ledger.statuses },
    non2xx,
    timeouts,
    socketErrors: { ...ledger.socketErrors },
    unanswered,
    inFlightAtEnd: inFlight.length,
    inFlightWriteIds: inFlight.filter(({ kind }) => kind === 'write').map(({ id }) => id),
    created: [...ledger.created],
  };
}
