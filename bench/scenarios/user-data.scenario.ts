/** Scenarios 3 and 4: GET /users/:id from the cache (memory, Redis) and from the database. */
import {
  type LoadTarget,
  type RoundPlan,
  type RoundResults,
  runInterleaved,
} from '../lib/interleave.js';
import { formatMb, table } from '../lib/markdown.js';
import type { Check, Section } from '../lib/report.js';
import {
  checkMeasure,
  failuresCell,
  ROUND_HEADERS,
  ratioCell,
  roundCells,
  rpsRatio,
} from '../lib/round-cells.js';
import type { Runtime } from '../lib/runtimes.js';
import { ServerProcess } from '../lib/server-process.js';
import { APP, appEnv, deleteUser, seedUser } from './app-env.js';
import { httpConfig } from './http-configs.js';

/** One server of scenarios 3-4, or a scenario 1 reference measured in the same rounds. */
interface DataConfig {
  name: string;
  label: string;
  entry: string;
  probePath: string;
  env?: Record<string, string | undefined>;
  /** 3 or 4; references have none and serve /hello instead of a user. */
  scenario?: 3 | 4;
  /** Why it cannot run here (a variable is not set). */
  skip?: string;
  /** Issue 8's target as a share of the Keel GET /hello reference. */
  target?: number;
  /** What a reference serves (default `/hello`). */
  path?: string;
}

/** What to run. */
export interface UserDataOptions {
  runtime: Runtime;
  plan: RoundPlan;
  scenarios: ReadonlySet<number>;
  log: (line: string) => void;
}

const PLAIN_REF = 'plain-hello';
const KEEL_REF = 'keel-hello';
const APP_REF = 'app-live';

const REFERENCES: readonly DataConfig[] = [
  {
    name: PLAIN_REF,
    label: 'reference: plain Fastify GET /hello',
    entry: 'bench/servers/plain-fastify.server.ts',
    probePath: '/hello',
  },
  {
    // Logging off, as the app runs here: at LOG_LEVEL=warn its access-log lines are dropped.
    name: KEEL_REF,
    label: 'reference: Keel, logging off, GET /hello (scenario 1)',
    entry: httpConfig('keel').entry,
    probePath: '/hello',
  },
];

// The example app's simplest route, in the same app and settings as the memory cache hit: what
// the hit costs beyond the app's own per-request work (helmet, request ids, WebSocket hooks...).
function appReference(env: Record<string, string | undefined>): DataConfig {
  const label = 'reference: example app GET /health/live (the cache hit app, no cache)';
  return { name: APP_REF, label, ...APP, env, path: APP.probePath };
}

function configs(): DataConfig[] {
  const { DATABASE_URL: database, REDIS_URL: redis } = process.env;
  // A cache hit never reaches the database; Postgres when configured, else embedded.
  const db = database || 'pglite://memory';
  const usersDb = { entry: 'bench/servers/users-db.server.ts', probePath: APP.probePath };
  return [
    { name: 'cache-memory', label: 'cache hit, memory', scenario: 3, target: 0.9, ...APP },
    {
      name: 'cache-redis',
      label: 'cache hit, Redis',
      scenario: 3,
      target: 0.5,
      ...APP,
      env: appEnv({ DATABASE_URL: db, CACHE_DRIVER: 'redis', REDIS_URL: redis }),
      skip: redis ? undefined : 'REDIS_URL is not set',
    },
    {
      name: 'db-pglite',
      label: 'database, PGlite (in memory)',
      scenario: 4,
      ...usersDb,
      env: appEnv({ DATABASE_URL: 'pglite://memory' }),
    },
    {
      name: 'db-postgres',
      label: 'database, Postgres',
      scenario: 4,
      ...usersDb,
      env: appEnv({ DATABASE_URL: database }),
      skip: database ? undefined : 'DATABASE_URL is not set',
    },
  ].map((config) => ({ env: appEnv({ DATABASE_URL: db }), ...config }) as DataConfig);
}

/** Runs the data scenarios that can run here, interleaved with the two /hello references. */
export async function runUserData(options: UserDataOptions): Promise<Section[]> {
  const wanted = configs().filter((c) => c.scenario && options.scenarios.has(c.scenario));
  const skipped = wanted.filter((config) => config.skip);
  for (const config of skipped) {
    options.log(`scenario ${config.scenario}: ${config.label} skipped: ${config.skip}`);
  }
  const appEnvironment = configs().find((config) => config.name === 'cache-memory')!.env!;
  const references = [...REFERENCES, appReference(appEnvironment)];
  const runnable = [...references, ...wanted.filter((config) => !config.skip)];
  const servers: ServerProcess[] = [];
  const seeded: [ServerProcess, string][] = [];
  try {
    const targets: LoadTarget[] = [];
    for (const config of runnable) {
      const { name, entry, probePath, env } = config;
      const server = await ServerProcess.start({
        name,
        runtime: options.runtime,
        entry,
        probePath,
        env,
      });
      servers.push(server);
      const id = config.scenario ? await seedUser(server) : undefined;
      if (id) seeded.push([server, id]);
      const path = id ? `/users/${id}` : (config.path ?? '/hello');
      targets.push({ name, url: server.url(path), cpuSeconds: () => server.cpuSeconds() });
    }
    options.log(`scenarios 3-4 on ${options.runtime}: GET /users/:id`);
    const results = await runInterleaved(targets, options.plan, options.log);
    const rss = new Map(servers.map((server) => [server.spec.name, server.rssBytes()]));
    return [dataSection(options.runtime, runnable, results, rss, skipped)];
  } finally {
    await Promise.all(seeded.map(([server, id]) => deleteUser(server, id)));
    await Promise.all(servers.map((server) => server.stop()));
  }
}

function dataSection(
  runtime: Runtime,
  runnable: readonly DataConfig[],
  results: RoundResults,
  rss: ReadonlyMap<string, number>,
  skipped: readonly DataConfig[],
): Section {
  const [plain, keel, app] = [
    results.get(PLAIN_REF)!,
    results.get(KEEL_REF)!,
    results.get(APP_REF)!,
  ];
  const rows = runnable.map((config) => {
    const rounds = results.get(config.name)!;
    return [
      config.label,
      ...roundCells(rounds),
      formatMb(rss.get(config.name)!),
      ratioCell(rounds, plain),
      ratioCell(rounds, keel),
      ratioCell(rounds, app),
      failuresCell(rounds),
    ];
  });
  const headers = ['configuration', ...ROUND_HEADERS, 'RSS MiB', 'vs plain /hello'];
  headers.push('vs Keel /hello', 'vs app /health/live', 'failures');
  const checks: Check[] = runnable.flatMap((config) => {
    if (config.target === undefined) return [];
    const rounds = results.get(config.name)!;
    const target = `scenario 3 (${runtime}): ${config.label} >= ${config.target}x Keel GET /hello (logging off)`;
    const met = rpsRatio(rounds, keel).median >= config.target;
    return [{ target, measured: checkMeasure(rounds, keel), met }];
  });
  const notes = skipped.map((config) => `Skipped ${config.label}: ${config.skip}.`);
  return {
    title: `Scenarios 3 and 4 on ${runtime}: GET /users/:id from the cache and from the database`,
    markdown: [table(headers, rows), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n'),
    checks,
  };
}
