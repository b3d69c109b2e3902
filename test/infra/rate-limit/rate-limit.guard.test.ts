/** RateLimitGuard in a real app: 429 with headers, per-user keys, opt-out, default and named policies. */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '#core';
import { limitedApp, UnknownPolicyController } from './rate-limit-test-app.js';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function boot(...args: Parameters<typeof limitedApp>): Promise<App> {
  const app = await limitedApp(...args);
  apps.push(app);
  return app;
}

const get = (app: App, url: string, token?: string) =>
  app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('RateLimitGuard', () => {
  it('answers 429 after the limit, with Retry-After and the RateLimit headers', async () => {
    const app = await boot();
    const first = await get(app, '/rl/ip');
    const second = await get(app, '/rl/ip');
    const third = await get(app, '/rl/ip');
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([200, 200, 429]);
    expect(third.json()).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(third.headers['retry-after']).toMatch(/^\d+$/);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(120);
    expect(third.headers['ratelimit-policy']).toBe('"LimitedController.ip";q=2;w=60');
    expect(third.headers.ratelimit).toMatch(/^"LimitedController\.ip";r=0;t=\d+$/);
  });

  it('sets the RateLimit headers on allowed responses, counting down', async () => {
    const app = await boot();
    const first = await get(app, '/rl/ip');
    expect(first.headers['ratelimit-policy']).toBe('"LimitedController.ip";q=2;w=60');
    const reset = /^"LimitedController\.ip";r=1;t=(\d+)$/.exec(String(first.headers.ratelimit));
    // The weighted count reaches 0 at the end of the next window: between 60 and 120 s.
    expect(Number(reset?.[1])).toBeGreaterThan(60);
    expect(Number(reset?.[1])).toBeLessThanOrEqual(120);
    expect(first.headers['retry-after']).toBeUndefined();
    expect((await get(app, '/rl/ip')).headers.ratelimit).toMatch(/;r=0;/);
  });

  it("counts 'user' keys per subject, and anonymous callers by IP", async () => {
    const app = await boot();
    for (const status of [200, 200, 429])
      expect((await get(app, '/rl/user', 'alice')).statusCode).toBe(status);
    expect((await get(app, '/rl/user', 'bob')).statusCode).toBe(200);
    expect((await get(app, '/rl/user')).statusCode).toBe(200);
    expect((await get(app, '/rl/user')).statusCode).toBe(200);
    expect((await get(app, '/rl/user')).statusCode).toBe(429);
    expect((await get(app, '/rl/user', 'bob')).statusCode).toBe(200);
  });

  it('routes count apart unless they share a named policy', async () => {
    const app = await boot();
    await get(app, '/rl/ip');
    await get(app, '/rl/ip');
    expect((await get(app, '/rl/c')).statusCode).toBe(200);
    expect((await get(app, '/rl/a')).statusCode).toBe(200);
    expect((await get(app, '/rl/b')).statusCode).toBe(200);
    const third = await get(app, '/rl/a');
    expect(third.statusCode).toBe(429);
    expect(third.headers['ratelimit-policy']).toBe('"shared";q=2;w=60');
  });

  it('a method decorator overrides its class one', async () => {
    const app = await boot();
    expect((await get(app, '/cls/one')).statusCode).toBe(200);
    expect((await get(app, '/cls/one')).statusCode).toBe(429);
    const three = await get(app, '/cls/three');
    expect(three.statusCode).toBe(200);
    expect(three.headers['ratelimit-policy']).toBe('"ClassLimitedController.three";q=3;w=60');
  });

  it('leaves undecorated routes alone without a default policy', async () => {
    const app = await boot();
    for (let i = 0; i < 4; i += 1) {
      const answer = await get(app, '/rl/plain');
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['ratelimit-policy']).toBeUndefined();
    }
  });

  it('a default policy limits every route except @RateLimit(false)', async () => {
    const app = await boot({ defaultPolicy: { limit: 1, windowMs: 10_000 } });
    const plain = await get(app, '/rl/plain');
    expect(plain.headers['ratelimit-policy']).toBe('"default";q=1;w=10');
    expect((await get(app, '/rl/plain')).statusCode).toBe(429);
    for (let i = 0; i < 3; i += 1) {
      const free = await get(app, '/rl/free');
      expect(free.statusCode).toBe(200);
      expect(free.headers.ratelimit).toBeUndefined();
    }
    // Decorated routes keep their own policy.
    expect((await get(app, '/rl/ip')).headers['ratelimit-policy']).toMatch(/q=2/);
  });

  it('documents 429 on limited routes (and 503 only when failing closed)', async () => {
    const app = await boot({
      failOpen: false,
      policies: { shared: { limit: 2, windowMs: 60_000, failOpen: true } },
    });
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    };
    expect(Object.keys(doc.paths['/rl/ip']?.get.responses ?? {})).toEqual(
      expect.arrayContaining(['429', '503']),
    );
    expect(Object.keys(doc.paths['/rl/a']?.get.responses ?? {})).toContain('429');
    expect(Object.keys(doc.paths['/rl/a']?.get.responses ?? {})).not.toContain('503');
    expect(Object.keys(doc.paths['/rl/plain']?.get.responses ?? {})).not.toContain('429');
  });

  it('refuses to boot on an unknown policy name, naming the route and the known names', async () => {
    await expect(boot({}, { controllers: [UnknownPolicyController] })).rejects.toMatchObject({
      code: 'KEEL_RATE_LIMIT_UNKNOWN_POLICY',
      message: expect.stringMatching(/'nope'[\s\S]*UnknownPolicyController\.bad[\s\S]*'shared'/),
    });
  });

  it('refuses to boot on a policy that cannot work', async () => {
    await expect(boot({ defaultPolicy: { limit: 0, windowMs: 1000 } })).rejects.toMatchObject({
      code: 'KEEL_RATE_LIMIT_BAD_POLICY',
    });
  });
});
