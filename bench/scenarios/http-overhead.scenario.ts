/** Scenarios 1 and 2: what Keel's defaults and its kernel cost on a GET and a validated POST. */
import { type RoundPlan, type RoundResults, runInterleaved } from '../lib/interleave.js';
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
import { HTTP_CONFIGS, HTTP_ROUTES, type HttpConfig, type HttpRoute } from './http-configs.js';

/** Target of issue 8: a Keel route keeps at least this share of the matched baseline. */
export const KEEL_VS_MATCHED_TARGET = 0.97;

/** What to run. */
export interface HttpOverheadOptions {
  runtime: Runtime;
  plan: RoundPlan;
  scenarios: ReadonlySet<number>;
  log: (line: string) => void;
}

/** The sections of one runtime, plus the routes whose Keel ratio missed the target. */
export interface HttpOverheadResult {
  sections: Section[];
  missed: HttpRoute[];
}

/** Starts the four servers on `runtime`, loads each route in interleaved rounds, stops them. */
export async function runHttpOverhead(options: HttpOverheadOptions): Promise<HttpOverheadResult> {
  const routes = HTTP_ROUTES.filter((route) => options.scenarios.has(route.scenario));
  const servers = new Map<HttpConfig['name'], ServerProcess>();
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
        name: targetName(config, route),
        url: servers.get(config.name)!.url(route.path),
        method: route.method,
        jsonBody: route.jsonBody,
        cpuSeconds: () => servers.get(config.name)!.cpuSeconds(),
      }));
      measured.push([route, await runInterleaved(targets, options.plan, options.log)]);
    }
    const rss = new Map([...servers].map(([name, server]) => [name, server.rssBytes()]));
    const sections = measured.map(([route, results]) =>
      routeSection(options.runtime, route, results, rss),
    );
    const missed = sections.flatMap((section, index) =>
      section.checks.some((check) => !check.met) ? [routes[index]!] : [],
    );
    return { sections, missed };
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
  }
}

function targetName(config: HttpConfig, route: HttpRoute): string {
  return `${config.name} ${route.method} ${route.path}`;
}

function routeSection(
  runtime: Runtime,
  route: HttpRoute,
  results: RoundResults,
  rss: ReadonlyMap<HttpConfig['name'], number>,
): Section {
  const roundsOf = (name: HttpConfig['name']) =>
    results.get(targetName(HTTP_CONFIGS.find((c) => c.name === name)!, route))!;
  const plainRss = rss.get('plain')!;
  const rows = HTTP_CONFIGS.map((config) => {
    const rounds = roundsOf(config.name);
    const memory = rss.get(config.name)!;
    return [
      config.label,
      ...roundCells(rounds),
      `${formatMb(memory)} (${formatRatio(memory / plainRss)})`,
      ...(['plain', 'zod', 'matched'] as const).map((base) => ratioCell(rounds, roundsOf(base))),
      failuresCell(rounds),
    ];
  });
  const headers = ['configuration', ...ROUND_HEADERS, 'RSS MiB (vs plain)'];
  headers.push('vs plain', 'vs zod', 'vs matched', 'failures');
  const [keel, matched] = [roundsOf('keel'), roundsOf('matched')];
  const check: Check = {
    target: `scenario ${route.scenario} (${runtime}): Keel route >= ${KEEL_VS_MATCHED_TARGET}x matched`,
    measured: checkMeasure(keel, matched),
    met: rpsRatio(keel, matched).median >= KEEL_VS_MATCHED_TARGET,
  };
  const title = `Scenario ${route.scenario} on ${runtime}: ${route.title}`;
  return { title, markdown: table(headers, rows), checks: [check] };
}
