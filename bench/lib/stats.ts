/** Medians, spreads and ratios of per-round figures. */

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median, smallest and largest of a sample. */
export interface Summary {
  median: number;
  min: number;
  max: number;
}

/** The summary of `values`. */
export function summarize(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** (max - min) / median, in percent: how much the rounds disagree. */
export function spreadPct(values: readonly number[]): number {
  const { median: mid, min, max } = summarize(values);
  return mid === 0 ? Number.NaN : ((max - min) / mid) * 100;
}

/** Round-by-round ratios `a[i] / b[i]` (the two were measured in the same round). */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, index) => value / (b[index] ?? Number.NaN));
}
