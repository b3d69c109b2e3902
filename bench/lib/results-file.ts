/** Renders the whole run as markdown and writes it to bench/results/<date>.md and latest.md. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { table } from './markdown.js';
import type { Section } from './report.js';
import { REPO_ROOT } from './runtimes.js';
import type { BenchSettings } from './settings.js';

/** Where results go. */
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

/** Facts about the run for the header. */
export interface RunInfo {
  started: Date;
  seconds: number;
  settings: BenchSettings;
  quick: boolean;
  versions: string[];
  /** 1-minute load averages at the start and at the end of the run. */
  loadAverages: [number, number];
  /** Anything the reader must know (skipped scenarios, build warnings). */
  notes: string[];
}

function commit(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src', 'bench/servers') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

function header(info: RunInfo): string[] {
  const cpu = cpus();
  const { http, data } = info.settings;
  const stamp = info.started.toISOString().replace('T', ' ').slice(0, 16);
  return [
    `# Keel benchmarks, ${stamp} UTC${info.quick ? ' (quick run: the figures are noise)' : ''}`,
    '',
    `- Machine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Linux ${release()}`,
    `- Runtimes: ${info.versions.join(', ')}; commit ${commit()}; run took ${(info.seconds / 60).toFixed(1)} min`,
    `- Load: autocannon in its own Node process on 127.0.0.1, ${http.connections} connections, pipelining ${http.pipelining}; one server under load at a time`,
    `- Rounds: scenarios 1-2 ${http.rounds} x ${http.durationS} s, scenarios 3-4 ${data.rounds} x ${data.durationS} s, interleaved after a ${http.warmupS} s warm-up per configuration; figures are medians`,
    `- Cold starts: ${info.settings.coldStarts} per configuration (PGlite ${info.settings.pgliteColdStarts}); RSS read from /proc after ${info.settings.rssLoadS} s of load`,
    `- Load average (1 min) ${info.loadAverages.map((l) => l.toFixed(1)).join(' at start, ')} at the end, on ${cpu.length} cores: above ~0.5 other processes competed and req/s is noisier than CPU µs/req`,
    `- DATABASE_URL ${process.env.DATABASE_URL ? 'set (Postgres)' : 'not set'}, REDIS_URL ${process.env.REDIS_URL ? 'set' : 'not set'}`,
    ...info.notes.map((note) => `- ${note}`),
  ];
}

/** The results document: header, the targets, then every section. */
export function renderResults(info: RunInfo, sections: readonly Section[]): string {
  const checks = sections.flatMap((section) => section.checks);
  const targets = table(
    ['target', 'measured (per-round range)', 'met'],
    checks.map((check) => [check.target, check.measured, check.met ? 'yes' : '**no**']),
  );
  const body = sections.flatMap((section) => [`## ${section.title}`, '', section.markdown, '']);
  const legend =
    'Ratios are medians of per-round ratios (both measured in the same round), with the range ' +
    'over rounds in brackets; spread is half the min-max range of req/s over rounds, relative to the median.';
  return [...header(info), '', '## Targets', '', targets, '', legend, '', ...body].join('\n');
}

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** Writes `<YYYY-MM-DD-HHmm>.md` (UTC) and `latest.md`; returns the dated path. */
export function writeResults(markdown: string, started: Date): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = started.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  const file = join(RESULTS_DIR, `${stamp}.md`);
  writeAtomically(file, markdown);
  writeAtomically(join(RESULTS_DIR, 'latest.md'), markdown);
  return file;
}
