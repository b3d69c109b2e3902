/** Table cells shared by the load scenarios: medians over rounds and paired ratios. */
import type { RoundResult } from './interleave.js';
import {
  formatP99,
  formatPct,
  formatRatio,
  formatRatioRange,
  formatRps,
  formatUs,
} from './markdown.js';
import { median, pairedRatios, spreadPct, summarize } from './stats.js';

/** Headers of `roundCells`. */
export const ROUND_HEADERS: readonly string[] = ['req/s', 'spread', 'p99 ms', 'CPU µs/req'];

/** Median req/s, its spread (half the range, in % of the median), median p99 and CPU/request. */
export function roundCells(rounds: readonly RoundResult[]): string[] {
  const rps = rounds.map((r) => r.rps);
  return [
    formatRps(median(rps)),
    `±${formatPct(spreadPct(rps) / 2)}`,
    formatP99(median(rounds.map((r) => r.p99Ms))),
    formatUs(median(rounds.map((r) => r.cpuUsPerRequest))),
  ];
}

/** `a / b` in req/s, round by round: median and range over rounds. */
export function rpsRatio(a: readonly RoundResult[], b: readonly RoundResult[]) {
  return summarize(
    pairedRatios(
      a.map((r) => r.rps),
      b.map((r) => r.rps),
    ),
  );
}

/** The `rpsRatio` cell: `0.98x (0.95-1.01)`. */
export function ratioCell(a: readonly RoundResult[], b: readonly RoundResult[]): string {
  const { median: mid, min, max } = rpsRatio(a, b);
  return formatRatioRange(mid, min, max);
}

/** The measured text of a target: the req/s ratio, then the CPU-per-request ratio. */
export function checkMeasure(a: readonly RoundResult[], b: readonly RoundResult[]): string {
  // CPU per request barely moves when other processes compete for the cores; req/s does.
  const cpu = median(
    pairedRatios(
      a.map((r) => r.cpuUsPerRequest),
      b.map((r) => r.cpuUsPerRequest),
    ),
  );
  return `${ratioCell(a, b)}; CPU/req ${formatRatio(cpu)}`;
}

/** Failed responses over all rounds. */
export function failuresCell(rounds: readonly RoundResult[]): string {
  return String(rounds.reduce((sum, r) => sum + r.failures, 0));
}
