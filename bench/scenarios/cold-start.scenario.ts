/** Scenario 5: cold start (spawn to first 200) and RSS of the example app against plain Fastify. */
import { join, relative } from 'node:path';
import { runLoad } from '../lib/load.js';
import { formatMb, formatMs, formatRatio, table } from '../lib/markdown.js';
import type { Check, Section } from '../lib/report.js';
import type { Runtime } from '../lib/runtimes.js';
import { APP_BUNDLE_DIR, REPO_ROOT } from '../lib/runtimes.js';
import { ServerProcess, type ServerSpec } from '../lib/server-process.js';
import type { BenchSettings } from '../lib/settings.js';
import { median, summarize } from '../lib/stats.js';
import { APP, appEnv } from './app-env.js';

/** Issue 8: the example app boots in at most 1.5x plain Fastify's time... */
export const COLD_START_TARGET = 1.5;
/** ...and holds at most 1.2x its memory. */
export const RSS_TARGET = 1.2;

/** One way to boot. */
export interface BootConfig {
  name: string;
  label: string;
  server: Omit<ServerSpec, 'runtime' | 'name'>;
  starts: number;
  /** Why it cannot run here. */
  skip?: string;
  /** Whether issue 8's targets apply (PGlite is reported on its own line, without one). */
  targeted: boolean;
}

/**
 * Plain Fastify; the app on Postgres with memory adapters; on Bun, the same from the bundle
 * `npm run build` makes (Node runs that bundle in the line before); the app on PGlite.
 */
export function bootConfigs(settings: BenchSettings, runtime: Runtime): BootConfig[] {
  const database = process.env.DATABASE_URL;
  const bundle = relative(REPO_ROOT, join(APP_BUNDLE_DIR, 'main.js'));
  const onBundle: BootConfig[] =
    runtime === 'bun'
      ? [
          {
            name: 'app-bundle',
            label:
              'example app, Postgres + memory adapters, Bun running the Node bundle (no target)',
            server: { ...APP, entry: bundle, env: appEnv({ DATABASE_URL: database }) },
            starts: settings.coldStarts,
            skip: database ? undefined : 'DATABASE_URL is not set',
            targeted: false,
          },
        ]
      : [];
  const plainServer = { entry: 'bench/servers/plain-fastify.server.ts', probePath: '/hello' };
  return [
    {
      name: 'plain',
      label: 'plain Fastify',
      server: plainServer,
      starts: settings.coldStarts,
      targeted: false,
    },
    {
      name: 'app-postgres',
      label: 'example app, Postgres + memory adapters',
      server: { ...APP, env: appEnv({ DATABASE_URL: database }) },
      starts: settings.coldStarts,
      skip: database ? undefined : 'DATABASE_URL is not set',
      targeted: true,
    },
    ...onBundle,
    {
      name: 'app-pglite',
      label: 'example app, PGlite in memory (no target)',
      server: { ...APP, env: appEnv({ DATABASE_URL: 'pglite://memory' }) },
      starts: settings.pgliteColdStarts,
      targeted: false,
    },
  ];
}

interface BootFigures {
  coldStartMs: number[];
  rssAtReadyBytes: number[];
  rssAfterLoadBytes: number;
}

/** What to run. */
export interface ColdStartOptions {
  runtime: Runtime;
  settings: BenchSettings;
  log: (line: string) => void;
}

async function boot(
  config: BootConfig,
  options: ColdStartOptions,
  figures: BootFigures,
  withLoad: boolean,
): Promise<void> {
  const spec = { ...config.server, name: `boot-${config.name}`, runtime: options.runtime };
  const server = await ServerProcess.start(spec);
  try {
    figures.coldStartMs.push(server.coldStartMs);
    figures.rssAtReadyBytes.push(server.rssBytes());
    options.log(`  ${config.name.padEnd(14)} first 200 after ${formatMs(server.coldStartMs)} ms`);
    if (!withLoad) return;
    const { connections, pipelining } = options.settings.http;
    const url = server.url(config.server.probePath);
    await runLoad({ url, connections, pipelining, durationS: options.settings.rssLoadS });
    figures.rssAfterLoadBytes = server.rssBytes();
  } finally {
    await server.stop();
  }
}

/** Boots each configuration several times, interleaved; the last boot of each is loaded for RSS. */
export async function runColdStart(options: ColdStartOptions): Promise<Section> {
  const all = bootConfigs(options.settings, options.runtime);
  const runnable = all.filter((config) => !config.skip);
  const figures = new Map<string, BootFigures>(
    runnable.map((c) => [c.name, { coldStartMs: [], rssAtReadyBytes: [], rssAfterLoadBytes: NaN }]),
  );
  options.log(`scenario 5 on ${options.runtime}: cold start and RSS`);
  const rounds = Math.max(...runnable.map((config) => config.starts));
  for (let round = 0; round < rounds; round += 1) {
    for (const config of runnable) {
      if (round >= config.starts) continue;
      await boot(config, options, figures.get(config.name)!, round === config.starts - 1);
    }
  }
  const notes = all.filter((c) => c.skip).map((c) => `Skipped ${c.label}: ${c.skip}.`);
  return bootSection(options, runnable, figures, notes);
}

function bootChecks(label: string, startRatio: number, rssRatio: number): Check[] {
  return [
    {
      target: `${label}, cold start <= ${COLD_START_TARGET}x plain`,
      measured: formatRatio(startRatio),
      met: startRatio <= COLD_START_TARGET,
    },
    {
      target: `${label}, RSS <= ${RSS_TARGET}x plain`,
      measured: formatRatio(rssRatio),
      met: rssRatio <= RSS_TARGET,
    },
  ];
}

function bootSection(
  options: ColdStartOptions,
  runnable: readonly BootConfig[],
  figures: ReadonlyMap<string, BootFigures>,
  notes: readonly string[],
): Section {
  const plain = figures.get('plain')!;
  const checks: Check[] = [];
  const rows = runnable.map((config) => {
    const f = figures.get(config.name)!;
    const start = summarize(f.coldStartMs);
    const startRatio = start.median / median(plain.coldStartMs);
    const rssRatio = f.rssAfterLoadBytes / plain.rssAfterLoadBytes;
    const label = `scenario 5 (${options.runtime}): ${config.label}`;
    if (config.targeted) checks.push(...bootChecks(label, startRatio, rssRatio));
    return [
      config.label,
      formatMs(start.median),
      `${formatMs(start.min)}-${formatMs(start.max)}`,
      formatMb(median(f.rssAtReadyBytes)),
      formatMb(f.rssAfterLoadBytes),
      formatRatio(startRatio),
      formatRatio(rssRatio),
      String(f.coldStartMs.length),
    ];
  });
  const headers = ['configuration', 'cold start ms', 'range', 'RSS at first 200 MiB'];
  headers.push('RSS after load MiB', 'start vs plain', 'RSS vs plain', 'boots');
  const markdown = [table(headers, rows), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
  const title = `Scenario 5 on ${options.runtime}: cold start and memory of the example app`;
  return { title, markdown, checks };
}
