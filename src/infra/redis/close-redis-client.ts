/** Closes an ioredis client without letting a dead or frozen server hold up shutdown. */
import type { Redis } from 'ioredis';
import { REDIS_CLIENT_DEFAULTS } from './redis-client-options.js';
import { settleWithin } from './settle-within.js';

/**
 * Sends QUIT when connected (bounded by `timeoutMs`); when that fails or nobody answers, stops
 * retrying and drops the socket. Resolves once the client has ended (at most `timeoutMs` more).
 */
export async function closeRedisClient(
  client: Redis,
  timeoutMs: number = REDIS_CLIENT_DEFAULTS.quitTimeoutMs,
): Promise<void> {
  if (client.status === 'end') return;
  const ended = new Promise<void>((resolve) => client.once('end', resolve));
  const quit = client.status === 'ready' ? await settleWithin(client.quit(), timeoutMs) : undefined;
  if (!quit?.ok) {
    const between = client.status === 'reconnecting';
    client.disconnect(false);
    // Between attempts there is no socket, so no 'end' comes: cancelling the retry is enough.
    if (between) return;
    // A frozen server never closes its side of the socket: do not wait for it.
    client.stream?.destroy();
  }
  await settleWithin(ended, timeoutMs);
}
