/** The requests an app is answering, so a shutdown can wait for them or cut them with a 503. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceUnavailableError } from '../http/errors/http-errors.js';

// One entry per request, linked into a list the app owns. Not a Map: V8 keeps a replaced Map
// table alive from the one before it, so a hot Map of requests, once one of its tables reached
// the old generation, kept every later request reachable until the next full GC (tens of MiB
// of RSS under load, and a quarter of the throughput at times).
interface Entry {
  reply: FastifyReply | undefined;
  prev: Entry | undefined;
  next: Entry | undefined;
}

const ENTRY = Symbol('keel.inFlight');
type Tracked = FastifyRequest & { [ENTRY]?: Entry };

/** Tracks every request from `onRequest` until its response ends or the client aborts. */
export class InFlightRequests {
  #head: Entry | undefined;

  constructor(server: FastifyInstance) {
    server.addHook('onRequest', (request, reply, done) => {
      this.#add(request as Tracked, reply);
      done();
    });
    server.addHook('onResponse', (request, _reply, done) => {
      this.#remove(request as Tracked);
      done();
    });
    server.addHook('onRequestAbort', (request, done) => {
      this.#remove(request as Tracked);
      done();
    });
  }

  /** Requests whose response has not started yet. */
  get pending(): number {
    let count = 0;
    for (const reply of this.#replies()) if (writable(reply)) count += 1;
    return count;
  }

  /**
   * Answers every request still waiting for its handler with 503 SERVICE_UNAVAILABLE (the error
   * shape, through the error handler, with `Connection: close`); returns how many it cut.
   */
  cut(): number {
    let count = 0;
    for (const reply of this.#replies()) {
      if (!writable(reply)) continue;
      reply.header('connection', 'close').send(new ServiceUnavailableError());
      count += 1;
    }
    return count;
  }

  #add(request: Tracked, reply: FastifyReply): void {
    if (request[ENTRY]) return;
    const entry: Entry = { reply, prev: undefined, next: this.#head };
    if (this.#head) this.#head.prev = entry;
    this.#head = entry;
    request[ENTRY] = entry;
  }

  // Unlinks the request and clears every reference its entry holds, so a finished request
  // (even one already in the old generation) keeps nothing alive.
  #remove(request: Tracked): void {
    const entry = request[ENTRY];
    if (!entry?.reply) return;
    if (entry.prev) entry.prev.next = entry.next;
    else this.#head = entry.next;
    if (entry.next) entry.next.prev = entry.prev;
    entry.reply = undefined;
    entry.prev = undefined;
    entry.next = undefined;
  }

  // A snapshot: sending a 503 ends a request, which unlinks it while the list is walked.
  #replies(): FastifyReply[] {
    const replies: FastifyReply[] = [];
    for (let entry = this.#head; entry; entry = entry.next)
      if (entry.reply) replies.push(entry.reply);
    return replies;
  }
}

// A reply already sent, or whose socket is gone, has nothing left to say.
function writable(reply: FastifyReply): boolean {
  return !reply.sent && !reply.raw.headersSent && !reply.raw.destroyed;
}
