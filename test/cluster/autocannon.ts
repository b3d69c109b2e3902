/** autocannon, typed (it ships no types), and made to honour `Connection: close` like real clients. */
import { createRequire } from 'node:module';

/** One request template (autocannon's `requests` option). */
export interface AutocannonRequest {
  method: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest(request: AutocannonRequest): AutocannonRequest;
  onResponse(
    status: number,
    body: string,
    context: unknown,
    headers: Record<string, unknown>,
  ): void;
}

/** The part of autocannon's per-connection client that `honourConnectionClose` wraps. */
export interface AutocannonClient {
  on(event: 'headers', listener: (info: { shouldKeepAlive?: boolean }) => void): void;
  _doRequest(...args: unknown[]): void;
  _resetConnection(): void;
}

interface AutocannonInstance {
  on(event: 'reqError', listener: (error: NodeJS.ErrnoException) => void): void;
}

/** autocannon's programmatic entry point. */
export type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: { timeouts: number }) => void,
) => AutocannonInstance;

/** autocannon itself, typed by the small part used here. */
export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/**
 * autocannon writes its next request the moment a response ends, even one that says
 * `Connection: close`, so that request dies with the socket unanswered. RFC 9112 (9.6) says a
 * client MUST stop sending on such a connection, and real clients (browsers, undici, Node's
 * agent) do: this makes autocannon reconnect instead, so the test measures the server.
 */
export function honourConnectionClose(client: AutocannonClient): void {
  let closeRequested = false;
  client.on('headers', (info) => {
    closeRequested = info.shouldKeepAlive === false;
  });
  const sendNext = client._doRequest.bind(client);
  client._doRequest = (...args: unknown[]) => {
    if (!closeRequested) return sendNext(...args);
    closeRequested = false;
    // Opens a new connection, which sends the next request itself.
    client._resetConnection();
  };
}
