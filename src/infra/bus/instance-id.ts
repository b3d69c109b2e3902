/** Names this process in the `source` field of the envelopes it publishes. */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** `<host>:<pid>:<random>`: unique per process, readable in logs. */
export function defaultInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
