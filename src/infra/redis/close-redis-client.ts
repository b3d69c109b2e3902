/** Closes an ioredis client without letting a dead or frozen server hold up shutdown. */
import type { Redis } from 'ioredis';
import { REDIS_CLIENT_DEFAULTS } from './redis-client-options.js';
import { settleWithin } from './settle-within.js';

/** Sends QUIT when connected (bounded by `timeoutMs`), then cuts the socket and stops retrying. */
export async function closeRedisClient(
  client: Redis,
  timeoutMs: number = REDIS_CLIENT_DEFAULTS.quitTimeoutMs,
): Promise<void> {
  if (isEnded(client)) return;
  if (client.status === 'ready') await settleWithin(client.quit(), timeoutMs);
  if (!isEnded(client)) client.disconnect(false);
}

// A function, so the status is read again after the await (TypeScript would keep it narrowed).
function isEnded(client: Redis): boolean {
  return client.status === 'end';
}
