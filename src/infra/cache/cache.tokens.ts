/** The adapter shape and token shared by the cache module's providers. */

import type { Cache, HealthCheckResult } from '#core';
import { createToken } from '#core';

/** A cache adapter: the port plus a health report (`ok` or `degraded`, never `down`). */
export interface CacheAdapter extends Cache {
  readonly driver: 'memory' | 'redis';
  health(): Promise<HealthCheckResult>;
}

/** The adapter chosen by `CacheModule.forRoot`; `CACHE` is an alias of it. */
export const CACHE_ADAPTER = createToken<CacheAdapter>('CacheAdapter');
