/** Reads a `.cpuprofile` (V8's format, written by `--cpu-prof`) into self-time shares. */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  hitCount?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds before each sample (the first one counts from `startTime`). */
  timeDeltas: number[];
}

/** A name and its share of the busy (non-idle) samples, in percent. */
export interface Share {
  name: string;
  pct: number;
}

/** Where the CPU went: by area (package or source folder) and by function. */
export interface ProfileSummary {
  /** Non-idle samples (about one per sampling period). */
  busySamples: number;
  /** Every area, busiest first. */
  areas: Share[];
  /** The busiest functions. */
  functions: Share[];
}

const IDLE = '(idle)';

/** The area of a script URL: `src/core/http`, `fastify`, `node:internal/streams`, `GC`... */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName === '(garbage collector)' ? 'GC' : 'runtime (native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (modules) return modules[1]!;
  const source = /\/(src\/[^/]+(?:\/[^/.]+)?)\//.exec(path) ?? /\/(src\/[^/]+)/.exec(path);
  if (source) return source[1]!;
  return /\/bench\//.test(path) ? 'bench servers' : path;
}

function locationOf(frame: ProfileNode['callFrame']): string {
  if (frame.url === '') return '';
  const path = decodeURIComponent(frame.url.replace(/^file:\/\//, ''));
  const short = path.replace(/^.*?(node_modules\/|\/src\/|\/bench\/servers\/)/, (_, root) =>
    root === 'node_modules/' ? '' : root.replace(/^\//, ''),
  );
  return ` ${short}:${frame.lineNumber + 1}`;
}

function top(counts: Map<string, number>, total: number, limit: number): Share[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, count]) => ({ name, pct: (count / total) * 100 }));
}

/** How many samples of each node fall at or after `fromMs` (profile time). */
function hitsAfter(profile: CpuProfile, fromMs: number): Map<number, number> {
  const hits = new Map<number, number>();
  let elapsedUs = 0;
  profile.samples.forEach((id, index) => {
    elapsedUs += profile.timeDeltas[index] ?? 0;
    if (elapsedUs >= fromMs * 1000) hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  return hits;
}

/**
 * Self-time shares of the areas and the busiest functions of the profile in `file`, counting
 * only samples from `fromMs` after the profile started (to leave the boot out).
 */
export function summarizeProfile(file: string, fromMs = 0, limit = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const hits = hitsAfter(profile, fromMs);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    const { functionName, url } = node.callFrame;
    if (count === 0 || functionName === IDLE) continue;
    busy += count;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + count);
    const fn = `${functionName || '(anonymous)'}${locationOf(node.callFrame)}`;
    functions.set(fn, (functions.get(fn) ?? 0) + count);
  }
  return {
    busySamples: busy,
    areas: top(areas, busy, areas.size),
    functions: top(functions, busy, limit),
  };
}
