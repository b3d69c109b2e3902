/** Scenarios 1 and 2: Keel against plain Fastify, Zod and NestJS on a GET and a validated POST. */
import {
  type RoundPlan,
  type RoundResult,
  type RoundResults,
  runInterleaved,
} from '../lib/interleave.js';
import { formatMb, formatRatio, table } from '../lib/markdown.js';
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
import {
  HTTP_CONFIGS,
  HTTP_ROUTES,
  HTTP_TARGETS,
  type HttpConfigName,
  type HttpRoute,
  httpConfig,
  profilePair,
} from './http-configs.js';

/** What to run. */
export interface HttpOverheadOptions {
  runtime: Runtime;
  plan: RoundPlan;
  scenarios: ReadonlySet<number>;
  log: (line: string) => void;
}

/** Two servers to profile side by side on a route, because a target of theirs was missed. */
export interface ProfileRequest {
  route: HttpRoute;
  pair: [HttpConfigName, HttpConfigName];
}

/** The sections of one runtime, plus what to profile for the targets it missed. */
export interface HttpOverheadResult {
  sections: Section[];
  missed: ProfileRequest[];
}

/** The ratio columns of each table: every row against each of these. */
const RATIO_BASES: readonly [HttpConfigName, string][] = [
  ['plain', 'vs plain'],
  ['zod', 'vs zod'],
  ['nest', 'vs NestJS'],
  ['keel', 'vs Keel off'],
];

/** Starts the five servers on `runtime`, loads each route in interleaved rounds, stops them. */
export async function runHttpOverhead(options: HttpOverheadOptions): Promise<HttpOverheadResult> {
  const routes = HTTP_ROUTES.filter((route) => options.scenarios.has(route.scenario));
  const servers = new Map<HttpConfigName, ServerProcess>();
  try {
    for (const config of HTTP_CONFIGS) {
      const spec = { name: config.name, runtime: options.runtime, entry: config.entry };
      servers.set(config.name, await ServerProcess.start({ ...spec, probePath: '/hello' }));
    }
    const measured: [HttpRoute, RoundResults][] = [];
    for (const route of routes) {
      options.log(
        `scenario ${route.scenario} on ${options.runtime}: ${route.method} ${route.path}`,
      );
      const targets = HTTP_CONFIGS.map((config) => ({
        name: targetName(config.name, route),
        url: servers.get(config.name)!.url(route.path),
        method: route.method,
        jsonBody: route.jsonBody,
        cpuSeconds: () => servers.get(config.name)!.cpuSeconds(),
      }));
      measured.push([route, await runInterleaved(targets, options.plan, options.log)]);
    }
    const rss = new Map([...servers].map(([name, server]) => [name, server.rssBytes()]));
    const result: HttpOverheadResult = { sections: [], missed: [] };
    for (const [route, results] of measured) {
      const { section, missed } = routeSection(options.runtime, route, results, rss);
      result.sections.push(section);
      result.missed.push(...missed);
    }
    return result;
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
}

function targetName(name: HttpConfigName, route: HttpRoute): string {
  return `${name} ${route.method} ${route.path}`;
}

function routeSection(
  runtime: Runtime,
  route: HttpRoute,
  results: RoundResults,
  rss: ReadonlyMap<HttpConfigName, number>,
): { section: Section; missed: ProfileRequest[] } {
  const roundsOf = (name: HttpConfigName) => results.get(targetName(name, route))!;
  const plainRss = rss.get('plain')!;
  const rows = HTTP_CONFIGS.map((config) => {
    const rounds = roundsOf(config.name);
    const memory = rss.get(config.name)!;
    return [
      config.label,
      ...roundCells(rounds),
      `${formatMb(memory)} (${formatRatio(memory / plainRss)})`,
      ...RATIO_BASES.map(([base]) => ratioCell(rounds, roundsOf(base))),
      failuresCell(rounds),
    ];
  });
  const headers = ['configuration', ...ROUND_HEADERS, 'RSS MiB (vs plain)'];
  headers.push(...RATIO_BASES.map(([, header]) => header), 'failures');
  const { checks, missed } = targetChecks(runtime, route, roundsOf);
  const title = `Scenario ${route.scenario} on ${runtime}: ${route.title}`;
  return { section: { title, markdown: table(headers, rows), checks }, missed };
}

/** Issue 13's targets on `route`, and the profile pairs of those missed. */
function targetChecks(
  runtime: Runtime,
  route: HttpRoute,
  roundsOf: (name: HttpConfigName) => RoundResult[],
): { checks: Check[]; missed: ProfileRequest[] } {
  const checks: Check[] = [];
  const missed: ProfileRequest[] = [];
  for (const target of HTTP_TARGETS.filter((t) => t.scenario === route.scenario)) {
    const [subject, baseline] = [roundsOf(target.subject), roundsOf(target.baseline)];
    const labels = `${httpConfig(target.subject).label} >= ${target.min}x ${httpConfig(target.baseline).label}`;
    const met = rpsRatio(subject, baseline).median >= target.min;
    checks.push({
      target: `scenario ${route.scenario} (${runtime}): ${labels}`,
      measured: checkMeasure(subject, baseline),
      met,
    });
    if (!met) missed.push({ route, pair: profilePair(target) });
  }
  return { checks, missed };
}
