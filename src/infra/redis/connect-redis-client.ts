/** Starts connecting a client and waits a bounded time for it, without ever failing. */
import type { Redis } from 'ioredis';
import { REDIS_CLIENT_DEFAULTS } from './redis-client-options.js';
import { settleWithin } from './settle-within.js';

/**
 * Resolves `true` once the client is ready, or `false` when the first attempt fails or takes
 * longer than `timeoutMs` (a frozen server accepts the TCP connection and never answers the
 * handshake). Either way the client keeps reconnecting in the background, so a boot with Redis
 * down goes on and Redis is picked up when it comes.
 */
export async function connectRedisClient(
  client: Redis,
  timeoutMs: number = REDIS_CLIENT_DEFAULTS.connectTimeoutMs,
): Promise<boolean> {
  if (client.status === 'ready') return true;
  if (client.status === 'wait') return (await settleWithin(client.connect(), timeoutMs)).ok;
  let onReady: (() => void) | undefined;
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
    client.once('ready', resolve);
  });
  const result = await settleWithin(ready, timeoutMs);
  if (onReady) client.off('ready', onReady);
  return result.ok;
}
