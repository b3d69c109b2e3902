/** Runs configurations in interleaved rounds (A B C, B C A, ...) after one warm-up each. */
import { type LoadOptions, type LoadResult, runLoad } from './load.js';
import { formatRps } from './markdown.js';

/** One configuration under load. */
export interface LoadTarget {
  /** Unique label (also the key of the results). */
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  jsonBody?: string;
  /** The server's CPU seconds so far, to compute CPU time per request. */
  cpuSeconds?: () => number;
}

/** How long and how hard. */
export interface RoundPlan {
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
  pipelining: number;
}

/** One round of one target. */
export interface RoundResult extends LoadResult {
  /** Server CPU time per response in microseconds (NaN without `cpuSeconds`). */
  cpuUsPerRequest: number;
}

/** Per target name, one result per round, in round order. */
export type RoundResults = Map<string, RoundResult[]>;

function requestOf(target: LoadTarget): Pick<LoadOptions, 'url' | 'method' | 'jsonBody'> {
  return { url: target.url, method: target.method, jsonBody: target.jsonBody };
}

async function measure(target: LoadTarget, options: LoadOptions): Promise<RoundResult> {
  const before = target.cpuSeconds?.() ?? Number.NaN;
  const result = await runLoad(options);
  const after = target.cpuSeconds?.() ?? Number.NaN;
  return { ...result, cpuUsPerRequest: ((after - before) * 1e6) / result.responses };
}

/**
 * Warms every target up, then runs `plan.rounds` rounds; each round starts one target later
 * than the previous one, so no configuration always runs first (or right after a heavy one).
 */
export async function runInterleaved(
  targets: readonly LoadTarget[],
  plan: RoundPlan,
  log: (line: string) => void,
): Promise<RoundResults> {
  const load = { connections: plan.connections, pipelining: plan.pipelining };
  for (const target of targets) {
    await runLoad({ ...requestOf(target), ...load, durationS: plan.warmupS });
  }
  const results: RoundResults = new Map(targets.map((target) => [target.name, []]));
  for (let round = 0; round < plan.rounds; round += 1) {
    for (let step = 0; step < targets.length; step += 1) {
      const target = targets[(round + step) % targets.length]!;
      const options = { ...requestOf(target), ...load, durationS: plan.durationS };
      const result = await measure(target, options);
      results.get(target.name)!.push(result);
      const failures = result.failures > 0 ? `  FAILURES ${result.failures}` : '';
      log(
        `  round ${round + 1}/${plan.rounds}  ${target.name.padEnd(28)} ${formatRps(result.rps).padStart(7)} req/s  p99 ${result.p99Ms} ms  CPU ${result.cpuUsPerRequest.toFixed(1)} µs/req${failures}`,
      );
    }
  }
  return results;
}
