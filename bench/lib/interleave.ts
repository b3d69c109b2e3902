/** Runs configurations in interleaved rounds (A B C, B C A, ...) after one warm-up each. */
import { type LoadResult, runLoad } from './load.js';
import { formatRps } from './markdown.js';

/** One configuration under load. */
export interface LoadTarget {
  /** Unique label (also the key of the results). */
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  jsonBody?: string;
}

/** How long and how hard. */
export interface RoundPlan {
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
  pipelining: number;
}

/** Per target name, one result per round, in round order. */
export type RoundResults = Map<string, LoadResult[]>;

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
    await runLoad({ ...target, ...load, durationS: plan.warmupS });
  }
  const results: RoundResults = new Map(targets.map((target) => [target.name, []]));
  for (let round = 0; round < plan.rounds; round += 1) {
    for (let step = 0; step < targets.length; step += 1) {
      const target = targets[(round + step) % targets.length]!;
      const result = await runLoad({ ...target, ...load, durationS: plan.durationS });
      results.get(target.name)!.push(result);
      const failures = result.failures > 0 ? `  FAILURES ${result.failures}` : '';
      log(
        `  round ${round + 1}/${plan.rounds}  ${target.name.padEnd(28)} ${formatRps(result.rps).padStart(7)} req/s  p99 ${result.p99Ms} ms${failures}`,
      );
    }
  }
  return results;
}
