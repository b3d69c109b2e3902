/**
 * `npm run bench`: Keel against plain Fastify and NestJS on Bun and Node, every scenario of issues 8
 * and 13, printed as markdown and written to bench/results/. `--quick` for a smoke run, `--help`
 * for the flags.
 */
import { loadavg } from 'node:os';
import { ensureBenchPackages, nestVersionsNote } from './lib/bench-packages.js';
import { buildForNode, bundleAppForNode } from './lib/build.js';
import { killChildrenOnExit } from './lib/child-registry.js';
import { stopLoadWorker } from './lib/load.js';
import type { Section } from './lib/report.js';
import { renderResults, writeResults } from './lib/results-file.js';
import { runtimeVersion } from './lib/runtimes.js';
import { stopAll } from './lib/server-process.js';
import { type CliOptions, parseArgs } from './lib/settings.js';
import { runColdStart } from './scenarios/cold-start.scenario.js';
import { type ProfileRequest, runHttpOverhead } from './scenarios/http-overhead.scenario.js';
import {
  everyProfile,
  profileBoot,
  profileCacheHit,
  profileHttpRoutes,
} from './scenarios/profiles.js';
import { runUserData } from './scenarios/user-data.scenario.js';

const log = (line: string) => process.stdout.write(`${line}\n`);

// Profiles are extra: past this point of the run they are skipped, so a slow machine still
// finishes within ten minutes.
const PROFILE_DEADLINE_MS = 8 * 60_000;
const runStarted = Date.now();

function profileTime(): boolean {
  if (Date.now() - runStarted < PROFILE_DEADLINE_MS) return true;
  log('skipping a profile: the run is past its 8-minute mark');
  return false;
}

async function httpScenarios(options: CliOptions, sections: Section[]): Promise<void> {
  const missed: ProfileRequest[] = [];
  for (const runtime of options.runtimes) {
    const plan = options.settings.http;
    const result = await runHttpOverhead({ runtime, plan, scenarios: options.scenarios, log });
    sections.push(...result.sections);
    missed.push(...result.missed);
  }
  if ((missed.length > 0 || options.profile) && profileTime()) {
    const requests = options.profile ? everyProfile(options.scenarios) : missed;
    sections.push(await profileHttpRoutes(requests, options.settings, log));
  }
}

async function dataScenarios(options: CliOptions, sections: Section[]): Promise<void> {
  // Bun only (the production runtime), unless --runtime says otherwise.
  const runtime = options.runtimes[0]!;
  const plan = options.settings.data;
  const found = await runUserData({ runtime, plan, scenarios: options.scenarios, log });
  sections.push(...found);
  const missed = found.some((section) => section.checks.some((check) => !check.met));
  if ((missed || options.profile) && options.scenarios.has(3) && profileTime()) {
    sections.push(await profileCacheHit(options.settings, log));
  }
}

async function bootScenario(options: CliOptions, sections: Section[]): Promise<void> {
  let missed = false;
  for (const runtime of options.runtimes) {
    const section = await runColdStart({ runtime, settings: options.settings, log });
    sections.push(section);
    missed ||= section.checks.some((check) => !check.met);
  }
  if ((missed || options.profile) && process.env.DATABASE_URL && profileTime()) {
    sections.push(await profileBoot(log));
  }
}

/** Runs one group; a failure becomes a section of the report and the others still run. */
async function isolated(
  title: string,
  sections: Section[],
  run: () => Promise<void>,
): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    log(`FAILED ${title}: ${message}`);
    sections.push({
      title: `${title}: failed`,
      markdown: `\`\`\`\n${message}\n\`\`\``,
      checks: [],
    });
    await stopAll();
    return false;
  }
}

/** Compiles for Node; returns the notes the report must carry (type errors do not stop it). */
async function build(): Promise<string[]> {
  log('building src/ and bench/servers/ for Node (tsc, incremental)...');
  const result = buildForNode();
  log(`  done in ${result.seconds.toFixed(1)} s`);
  const bundled = await bundleAppForNode();
  log(`  example app bundled as npm run build does, in ${bundled.toFixed(1)} s`);
  if (result.errors.length === 0) return [];
  log(`  WARNING tsc reported type errors:\n  ${result.errors.slice(0, 10).join('\n  ')}`);
  return [`tsc reported ${result.errors.length} type error(s); Node ran the emitted JavaScript`];
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  killChildrenOnExit();
  const started = new Date();
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  // Before the build: tsc needs NestJS's types, and the Nest server its code.
  ensureBenchPackages(log);
  const notes = [nestVersionsNote(), ...(await build())];
  const sections: Section[] = [];
  const groups: [string, number[], typeof httpScenarios][] = [
    ['Scenarios 1-2', [1, 2], httpScenarios],
    ['Scenarios 3-4', [3, 4], dataScenarios],
    ['Scenario 5', [5], bootScenario],
  ];
  let failed = false;
  try {
    for (const [title, numbers, run] of groups) {
      if (!numbers.some((n) => options.scenarios.has(n))) continue;
      failed = !(await isolated(title, sections, () => run(options, sections))) || failed;
    }
  } finally {
    stopLoadWorker();
    await stopAll();
  }
  const versions = (['bun', 'node'] as const).map(runtimeVersion);
  const seconds = (Date.now() - started.getTime()) / 1000;
  const loadAverages: [number, number] = [loadAtStart, loadavg()[0] ?? Number.NaN];
  const { settings, quick } = options;
  const info = { started, seconds, settings, quick, versions, loadAverages, notes };
  const markdown = renderResults(info, sections);
  log(`\n${markdown}`);
  log(`written to ${writeResults(markdown, started)} and bench/results/latest.md`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
