/** Terminal output for the generator: ANSI colours only on a TTY and never when NO_COLOR is set. */
import type { ChangeKind, PlanResult } from './file-plan.js';

/** Where text goes: `process.stdout` or a test double. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Wraps text in a colour, or returns it as is when colours are off. */
export type Paint = (text: string) => string;

/** The colours the generator uses. */
export interface Colors {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

/** Streams and environment; defaults are the process's own. */
export interface OutputOptions {
  stdout?: OutputStream;
  stderr?: OutputStream;
  env?: Readonly<Record<string, string | undefined>>;
}

const CODES: Readonly<Record<keyof Colors, [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** Colours are on for a TTY unless `NO_COLOR` is set to anything but the empty string. */
export function colorsEnabled(stream: OutputStream, env: OutputOptions['env'] = {}): boolean {
  const noColor = env.NO_COLOR;
  return stream.isTTY === true && (noColor === undefined || noColor === '');
}

/** The palette, painting for real only when `enabled`. */
export function createColors(enabled: boolean): Colors {
  const paint = ([open, close]: [number, number]): Paint =>
    enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
  return {
    bold: paint(CODES.bold),
    dim: paint(CODES.dim),
    red: paint(CODES.red),
    green: paint(CODES.green),
    yellow: paint(CODES.yellow),
    cyan: paint(CODES.cyan),
  };
}

const LABELS: Readonly<Record<ChangeKind, keyof Colors>> = {
  create: 'green',
  overwrite: 'yellow',
  update: 'cyan',
  unchanged: 'dim',
};

/** One line per file (`  create     src/...`) and a closing summary. */
export function formatPlan(result: PlanResult, colors: Colors): string {
  const lines = result.changes.map(
    (change) => `  ${colors[LABELS[change.kind]](change.kind.padEnd(10))} ${change.path}`,
  );
  const touched = result.changes.filter((change) => change.kind !== 'unchanged').length;
  const files = `${touched} file${touched === 1 ? '' : 's'}`;
  const summary = result.dryRun
    ? colors.yellow(`Dry run: ${files} would be written; nothing was written.`)
    : colors.green(`${files} written.`);
  return `${[...lines, summary].join('\n')}\n`;
}

/** Messages for humans: results on stdout, problems on stderr, each coloured for its own stream. */
export class Output {
  private readonly stdout: OutputStream;
  private readonly stderr: OutputStream;
  /** Colours for stdout. */
  readonly colors: Colors;
  private readonly errorColors: Colors;

  constructor(options: OutputOptions = {}) {
    const env = options.env ?? process.env;
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    this.colors = createColors(colorsEnabled(this.stdout, env));
    this.errorColors = createColors(colorsEnabled(this.stderr, env));
  }

  /** A plain line on stdout. */
  info(message: string): void {
    this.stdout.write(`${message}\n`);
  }

  /** A green line on stdout. */
  success(message: string): void {
    this.stdout.write(`${this.colors.green(message)}\n`);
  }

  /** A yellow `warning:` line on stderr. */
  warn(message: string): void {
    this.stderr.write(`${this.errorColors.yellow('warning:')} ${message}\n`);
  }

  /** A red `error:` line on stderr. */
  error(message: string): void {
    this.stderr.write(`${this.errorColors.red(this.errorColors.bold('error:'))} ${message}\n`);
  }

  /** The files of a plan result and its summary, on stdout. */
  plan(result: PlanResult): void {
    this.stdout.write(formatPlan(result, this.colors));
  }
}
