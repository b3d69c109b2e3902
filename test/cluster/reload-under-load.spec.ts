/**
 * Two workers under PM2 on the real Postgres and Redis, Bun (src/main.ts) then Node
 * (dist/main.js): `pm2 reload` twice while autocannon drives ~200 requests/s of writes and
 * reads; nothing may fail, time out or be lost.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/redis-server.js';
import { createPostgresDatabase, type ScratchDatabase } from '../helpers/test-database.js';
import { namesAfterRename, usersRoomPushes } from './cross-worker.js';
import { type ClusterRuntime, Pm2Cluster, type Pm2Worker } from './pm2-cluster.js';
import { runUserLoad, type UserLoadReport } from './user-load.js';
import { verifyWrites, type WriteCheck } from './verify-writes.js';

const LOAD = { durationS: 30, rate: 200, connections: 10, timeoutS: 10 };
const FIRST_RELOAD_AT_MS = 7000;
const PAUSE_BETWEEN_RELOADS_MS = 5000;
// HTTP/1.1 keep-alive has an inherent race (a request sent as the server closes an idle socket).
const MAX_RESIDUE_RATIO = 0.0005;

interface LogRecord {
  pid?: unknown;
  worker?: unknown;
  msg?: string;
  open?: number;
  left?: number;
  ms?: number;
}

async function reloadTwice(cluster: Pm2Cluster): Promise<number[]> {
  const durations: number[] = [];
  await sleep(FIRST_RELOAD_AT_MS);
  for (const pause of [PAUSE_BETWEEN_RELOADS_MS, 0]) {
    const started = Date.now();
    await cluster.reload();
    durations.push(Date.now() - started);
    await sleep(pause);
  }
  return durations;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

function printReport(title: string, report: UserLoadReport, writes: WriteCheck, extra: string[]) {
  const lines = [
    ...extra,
    `requests sent: ${report.sent} (${report.writes} POST /users, ${report.reads} GET /users/:id)`,
    `responses: ${report.answered} ${JSON.stringify(report.statuses)}`,
    `non-2xx: ${report.non2xx}`,
    `timeouts: ${report.timeouts}`,
    `socket errors: ${sum(report.socketErrors)} ${JSON.stringify(report.socketErrors)}`,
    `unanswered (socket error, timeout or dropped): ${report.unanswered}`,
    `in flight when the load stopped (not counted): ${report.inFlightAtEnd}`,
    `writes acknowledged (201): ${report.created.length}; not readable afterwards: ${writes.lost.length}`,
    `rows stored: ${writes.stored} (${writes.storedCutByEnd} by requests cut by the end, ${writes.storedUnacknowledged} unacknowledged)`,
  ];
  console.log(`\n[cluster] ${title}\n  ${lines.join('\n  ')}\n`);
}

async function readLog(cluster: Pm2Cluster): Promise<LogRecord[]> {
  const text = await readFile(cluster.outLog, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogRecord);
}

async function deleteCacheKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL as string, { lazyConnect: true });
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

function replacedTwice(before: Pm2Worker[], after: Pm2Worker[]): boolean {
  const oldPids = new Set(before.map((worker) => worker.pid));
  return (
    after.length === 2 &&
    after.every((worker) => worker.status === 'online' && !oldPids.has(worker.pid)) &&
    after.every((worker) => worker.restarts === 2)
  );
}

describe.each<ClusterRuntime>(['bun', 'node'])(
  'PM2 cluster on %s: zero-downtime reload',
  (runtime) => {
    const cachePrefix = `keel-cluster-${randomBytes(4).toString('hex')}:`;
    let database: ScratchDatabase | undefined;
    let cluster: Pm2Cluster | undefined;
    let baseUrl = '';

    beforeAll(async () => {
      database = await createPostgresDatabase('keel_cluster');
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      cluster = await Pm2Cluster.start(runtime, {
        DATABASE_URL: database.url,
        REDIS_URL: process.env.REDIS_URL as string,
        CACHE_PREFIX: cachePrefix,
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_CONCURRENCY: '2',
        LOG_LEVEL: 'info',
      });
    });

    afterAll(async () => {
      await cluster?.kill();
      await database?.drop();
      await deleteCacheKeys(cachePrefix);
    });

    it('starts two online workers', async () => {
      const workers = await (cluster as Pm2Cluster).workers();
      expect(workers.map((worker) => worker.status)).toEqual(['online', 'online']);
    });

    it('pushes user.created to WebSocket clients on every worker (Redis fan-out)', async () => {
      expect(await usersRoomPushes(baseUrl)).toBe(10);
    });

    it('reads an update back fresh from every worker (shared Redis cache)', async () => {
      expect(new Set(await namesAfterRename(baseUrl))).toEqual(new Set(['After']));
    });

    it('reloads twice under load with no failed, timed-out or lost request', async () => {
      const target = cluster as Pm2Cluster;
      const before = await target.workers();
      const [report, reloadsMs] = await Promise.all([
        runUserLoad({ url: baseUrl, ...LOAD }),
        reloadTwice(target),
      ]);
      const after = await target.workers();
      const writes = await verifyWrites(baseUrl, (database as ScratchDatabase).url, report);
      const drains = (await readLog(target)).filter(
        (record) => record.msg === 'connections drained',
      );
      printReport(`${runtime}: 2 workers, pm2 reload x2 under load`, report, writes, [
        `reloads took ${reloadsMs.map((ms) => `${ms} ms`).join(' and ')}`,
        `drains (open -> left in ms): ${drains.map((d) => `${d.open}->${d.left} in ${d.ms}`).join(', ')}`,
      ]);

      expect(replacedTwice(before, after)).toBe(true);
      // autocannon keeps close to the rate; far fewer would mean a stalled load, not a steady one.
      expect(report.sent).toBeGreaterThan(LOAD.rate * LOAD.durationS * 0.8);
      expect(report.non2xx).toBe(0);
      expect(report.timeouts).toBe(0);
      expect(writes.lost).toEqual([]);
      // A write that ran but whose answer was lost is also an unanswered request.
      expect(report.unanswered).toBeLessThanOrEqual(report.sent * MAX_RESIDUE_RATIO);
      expect(sum(report.socketErrors)).toBeLessThanOrEqual(report.sent * MAX_RESIDUE_RATIO);
    });

    it('names the worker (pid and PM2 instance) on every log line', async () => {
      const records = await readLog(cluster as Pm2Cluster);
      expect(records.length).toBeGreaterThan(100);
      expect(records.filter((record) => typeof record.pid !== 'number')).toEqual([]);
      expect(new Set(records.map((record) => record.worker))).toEqual(new Set([0, 1]));
    });
  },
);
