/** Sign-in brute force on a real app: per-account and per-IP limits, 429 + Retry-After, memory and Redis. */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttemptsModuleOptions } from '#infra/attempts';
import { deleteRedisKeys } from '../../helpers/redis-keys.js';
import { PASSWORD, useIdentityApp } from './identity-app.js';

const redisUrl = process.env.REDIS_URL;
const LIMITERS: ReadonlyArray<AttemptsModuleOptions['driver']> = redisUrl
  ? ['memory', 'redis']
  : ['memory'];
if (!redisUrl)
  console.warn('[skip] sign-in brute force on the Redis limiter: REDIS_URL is not set');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let ipCounter = 0;
const freshIp = () => `10.${process.pid % 250}.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe.each(LIMITERS)('sign-in brute force (%s limiter)', (driver) => {
  const attempts = { driver, prefix: `keel-test:${randomUUID()}:` } as const;
  afterAll(async () => {
    if (driver === 'redis' && redisUrl) await deleteRedisKeys(redisUrl, attempts.prefix);
  });

  describe('with the default limits (10 per account, 100 per IP, 60 s)', () => {
    const t = useIdentityApp('pglite', { attempts });

    it('20 wrong passwords in a minute: 10 answered 401, then 429 with Retry-After, even for the right one', async () => {
      await t().signUp('ana@example.com');
      const remoteAddress = freshIp();
      const statuses: number[] = [];
      let last: Awaited<ReturnType<ReturnType<typeof t>['post']>> | undefined;
      for (let i = 0; i < 20; i += 1) {
        last = await t().post(
          '/auth/sign-in',
          { email: 'ana@example.com', password: `wrong ${i}` },
          { remoteAddress },
        );
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
      const retryAfter = Number(last?.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(55);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(last?.json()).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        details: { retryAfterSeconds: retryAfter },
      });
      const right = await t().post(
        '/auth/sign-in',
        { email: 'ana@example.com', password: PASSWORD },
        { remoteAddress: freshIp(), headers: { 'accept-language': 'es' } },
      );
      expect(right.statusCode).toBe(429);
      expect(right.json().message).toContain('Demasiados inicios de sesión fallidos');
    });

    it('twenty parallel guesses on one account: exactly ten are checked, the rest are 429', async () => {
      await t().signUp('bo@example.com');
      const remoteAddress = freshIp();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t().post(
            '/auth/sign-in',
            { email: 'bo@example.com', password: `guess ${i}` },
            { remoteAddress },
          ),
        ),
      );
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
    });

    it('a successful sign-in clears the account count', async () => {
      await t().signUp('cy@example.com');
      const remoteAddress = freshIp();
      const attempt = (password: string) =>
        t().post('/auth/sign-in', { email: 'cy@example.com', password }, { remoteAddress });
      for (let i = 0; i < 9; i += 1) expect((await attempt('wrong')).statusCode).toBe(401);
      expect((await attempt(PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 9; i += 1) expect((await attempt('wrong')).statusCode).toBe(401);
      expect((await attempt(PASSWORD)).statusCode).toBe(200);
    });

    it('unknown emails are limited like real ones (no way to tell them apart by the limit)', async () => {
      const remoteAddress = freshIp();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        const res = await t().post(
          '/auth/sign-in',
          { email: 'ghost@example.com', password: 'x' },
          { remoteAddress },
        );
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
    });
  });

  describe('with a short window (2 s) and 15 failures per IP', () => {
    const t = useIdentityApp('pglite', {
      attempts,
      identity: { signIn: { maxAttempts: 10, ipMaxAttempts: 15, windowSeconds: 2 } },
    });

    it('after the window, the right password works (200)', async () => {
      await t().signUp('di@example.com');
      const remoteAddress = freshIp();
      const attempt = (password: string) =>
        t().post('/auth/sign-in', { email: 'di@example.com', password }, { remoteAddress });
      for (let i = 0; i < 10; i += 1) expect((await attempt('wrong')).statusCode).toBe(401);
      const blocked = await attempt(PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(2);
      await sleep(2100);
      expect((await attempt(PASSWORD)).statusCode).toBe(200);
    });

    it('per IP: failures over many emails from one address block it; another address still signs in', async () => {
      await t().signUp('ed@example.com');
      const remoteAddress = freshIp();
      for (let i = 0; i < 15; i += 1) {
        const res = await t().post(
          '/auth/sign-in',
          { email: `user${i}@example.com`, password: 'x' },
          { remoteAddress },
        );
        expect(res.statusCode).toBe(401);
      }
      const fromThere = await t().post(
        '/auth/sign-in',
        { email: 'ed@example.com', password: PASSWORD },
        { remoteAddress },
      );
      expect(fromThere.statusCode).toBe(429);
      expect(fromThere.headers['retry-after']).toMatch(/^[12]$/);
      const elsewhere = await t().post(
        '/auth/sign-in',
        { email: 'ed@example.com', password: PASSWORD },
        { remoteAddress: freshIp() },
      );
      expect(elsewhere.statusCode).toBe(200);
    });
  });
});
