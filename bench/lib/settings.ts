/** How long and how hard the bench runs, and which parts run (from the command line). */
import type { RoundPlan } from './interleave.js';
import { RUNTIMES, type Runtime } from './runtimes.js';

/** Durations and counts of one bench run. */
export interface BenchSettings {
  /** Scenarios 1-2 (at least 5 interleaved rounds in a full run). */
  http: RoundPlan;
  /** Scenarios 3-4. */
  data: RoundPlan;
  /** Scenario 5: cold starts per configuration (PGlite: `pgliteColdStarts`). */
  coldStarts: number;
  pgliteColdStarts: number;
  /** Scenario 5: seconds of load before RSS is read. */
  rssLoadS: number;
  /** Seconds of load while a CPU profile is recorded. */
  profileS: number;
}

const LOAD = { connections: 10, pipelining: 1 };

/** `npm run bench`: about 7.5 minutes on 2 cores with Postgres and Redis. */
export const FULL: BenchSettings = {
  http: { ...LOAD, rounds: 5, durationS: 3, warmupS: 2 },
  data: { ...LOAD, rounds: 5, durationS: 3, warmupS: 2 },
  coldStarts: 5,
  pgliteColdStarts: 3,
  rssLoadS: 3,
  profileS: 5,
};

/** `npm run bench:quick`: a smoke run of every code path; its figures are noise. */
export const QUICK: BenchSettings = {
  http: { ...LOAD, rounds: 2, durationS: 1, warmupS: 1 },
  data: { ...LOAD, rounds: 2, durationS: 1, warmupS: 1 },
  coldStarts: 2,
  pgliteColdStarts: 1,
  rssLoadS: 1,
  profileS: 2,
};

/** What the command line asked for. */
export interface CliOptions {
  quick: boolean;
  settings: BenchSettings;
  /** Scenario numbers 1..5. */
  scenarios: ReadonlySet<number>;
  runtimes: readonly Runtime[];
  /** Record the Node CPU profiles of scenarios 1-3 and 5 even when every target is met. */
  profile: boolean;
}

const USAGE =
  'usage: bun bench/run-bench.ts [--quick] [--only=1,2,3,4,5] [--runtime=bun|node] [--profile]';

/** Parses `--quick`, `--only=1,5`, `--runtime=node`, `--profile`; throws the usage otherwise. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options = { quick: false, profile: false };
  let scenarios = new Set([1, 2, 3, 4, 5]);
  let runtimes: readonly Runtime[] = RUNTIMES;
  for (const arg of argv) {
    const [flag, value = ''] = arg.split('=', 2);
    if (flag === '--quick') options.quick = true;
    else if (flag === '--profile') options.profile = true;
    else if (flag === '--only') scenarios = new Set(value.split(',').map(Number));
    else if (flag === '--runtime') runtimes = RUNTIMES.filter((name) => value.includes(name));
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if ([...scenarios].some((n) => !(n >= 1 && n <= 5)) || runtimes.length === 0) {
    throw new Error(USAGE);
  }
  return { ...options, settings: options.quick ? QUICK : FULL, scenarios, runtimes };
}
