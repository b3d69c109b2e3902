/** Records a Node CPU profile (`--cpu-prof`) of a server under load or of its boot, and prints it. */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadTarget, RoundPlan } from './interleave.js';
import { runLoad } from './load.js';
import { formatPct, table } from './markdown.js';
import { type ProfileSummary, summarizeProfile } from './profile-summary.js';
import { BUILD_DIR } from './runtimes.js';
import { ServerProcess, type ServerSpec } from './server-process.js';

/** Sampling period, in microseconds (Node's default). */
const INTERVAL_US = 1000;

/** Areas listed per profile (the union over the profiles is shown). */
const AREAS_SHOWN = 12;

/** A profile and how many requests it covered (0 for a boot profile). */
export interface RecordedProfile {
  label: string;
  summary: ProfileSummary;
  requests: number;
}

/** What to profile: a server, and the route to load (none: the profile covers the boot only). */
export interface ProfileRun {
  label: string;
  server: Omit<ServerSpec, 'runtime' | 'runtimeArgs'>;
  load?: Omit<LoadTarget, 'name' | 'url'> & {
    /** The route, or a function that prepares data on the running server and returns it. */
    path: string | ((server: ServerProcess) => Promise<string>);
    plan: RoundPlan;
    durationS: number;
  };
  /** Runs after the load, before the server stops (e.g. to delete what `path` created). */
  beforeStop?: (server: ServerProcess) => Promise<void>;
}

/** Starts the server on Node with `--cpu-prof`, loads it (or not), stops it, reads the profile. */
export async function recordProfile(run: ProfileRun): Promise<RecordedProfile> {
  const dir = join(BUILD_DIR, 'profiles', `${run.server.name}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const runtimeArgs = ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${INTERVAL_US}`];
  const server = await ServerProcess.start({ ...run.server, runtime: 'node', runtimeArgs });
  let requests = 0;
  try {
    if (run.load) {
      const { path, plan, durationS, method, jsonBody } = run.load;
      const { connections, pipelining } = plan;
      const url = server.url(typeof path === 'string' ? path : await path(server));
      const result = await runLoad({ url, method, jsonBody, durationS, connections, pipelining });
      requests = result.rps * durationS;
    }
  } finally {
    await run.beforeStop?.(server);
    await server.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file)
    throw new Error(`${run.label}: no profile in ${dir} (the server did not exit cleanly)`);
  // Under load, the boot (spawn to first 200) is left out of the figures.
  const fromMs = run.load ? server.coldStartMs : 0;
  return { label: run.label, summary: summarizeProfile(join(dir, file), fromMs), requests };
}

function perRequestUs(profile: RecordedProfile, pct: number): string {
  if (profile.requests === 0) return `${((profile.summary.busySamples * pct) / 100).toFixed(0)} ms`;
  const busyUs = profile.summary.busySamples * INTERVAL_US;
  return `${((busyUs * pct) / 100 / profile.requests).toFixed(1)} µs`;
}

/** Areas of several profiles side by side, then the busiest functions of the first one. */
export function profilesMarkdown(profiles: readonly RecordedProfile[]): string {
  const unit = profiles[0]?.requests === 0 ? 'CPU' : 'CPU per request';
  const shown = profiles.flatMap((p) => p.summary.areas.slice(0, AREAS_SHOWN).map((a) => a.name));
  const areas = [...new Set(shown)];
  const areaRows = areas.map((area) => [
    area,
    ...profiles.map((profile) => {
      const pct = profile.summary.areas.find((a) => a.name === area)?.pct ?? 0;
      return `${formatPct(pct)} (${perRequestUs(profile, pct)})`;
    }),
  ]);
  const totals = ['**total busy**', ...profiles.map((p) => `100% (${perRequestUs(p, 100)})`)];
  const first = profiles[0]!;
  const functionRows = first.summary.functions.map((fn) => [
    `\`${fn.name}\``,
    `${formatPct(fn.pct)} (${perRequestUs(first, fn.pct)})`,
  ]);
  return [
    `Self time by area, share of busy samples (${unit}):`,
    '',
    table(['area', ...profiles.map((p) => p.label)], [...areaRows, totals]),
    '',
    `Busiest functions of ${first.label}:`,
    '',
    table(['function', 'self'], functionRows),
  ].join('\n');
}
