/** The `cache` readiness check never reports `down`: a lost cache only slows requests down. */
import { describe, expect, it } from 'vitest';
import { CacheHealthIndicator } from '../../../src/infra/cache/cache.health-indicator.js';
import type { CacheAdapter } from '../../../src/infra/cache/cache.tokens.js';
import { MemoryCache } from '../../../src/infra/cache/memory-cache.js';

function adapterReporting(health: CacheAdapter['health']): CacheAdapter {
  return Object.assign(new MemoryCache(), { health });
}

describe('CacheHealthIndicator', () => {
  it('is named cache and passes an ok report through', async () => {
    const indicator = new CacheHealthIndicator(new MemoryCache());
    expect(indicator.name).toBe('cache');
    expect((await indicator.check()).status).toBe('ok');
  });

  it('turns a down report into degraded', async () => {
    const indicator = new CacheHealthIndicator(adapterReporting(async () => ({ status: 'down' })));
    expect((await indicator.check()).status).toBe('degraded');
  });

  it('reports degraded with the reason when the adapter throws', async () => {
    const failing = adapterReporting(async () => {
      throw new Error('boom');
    });
    expect(await new CacheHealthIndicator(failing).check()).toEqual({
      status: 'degraded',
      details: { driver: 'memory', reason: 'boom' },
    });
  });
});
