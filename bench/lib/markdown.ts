/** Markdown tables and the number formats of the results file. */

/** A GitHub-flavoured markdown table; the first column is left-aligned, the rest right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = headers.map((_, index) => (index === 0 ? ':---' : '---:'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(align), ...rows.map(line)].join('\n');
}

/** Requests per second, grouped by thousands. */
export function formatRps(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

/** A ratio such as `0.98x`. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a';
}

/** A ratio with the range of its per-round values: `0.98x (0.95-1.01)`. */
export function formatRatioRange(mid: number, min: number, max: number): string {
  if (!Number.isFinite(mid)) return 'n/a';
  return `${formatRatio(mid)} (${min.toFixed(2)}-${max.toFixed(2)})`;
}

/** Milliseconds with one decimal under 100, whole above. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 100 ? value.toFixed(1) : String(Math.round(value));
}

/** Bytes as MiB with one decimal. */
export function formatMb(bytes: number): string {
  return Number.isFinite(bytes) ? (bytes / 1024 / 1024).toFixed(1) : 'n/a';
}

/** A percentage with one decimal. */
export function formatPct(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)}%` : 'n/a';
}

/** A p99 from autocannon (whole milliseconds): 0 means under a millisecond. */
export function formatP99(ms: number): string {
  return ms === 0 ? '<1' : String(ms);
}

/** Microseconds with one decimal. */
export function formatUs(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : 'n/a';
}
