/** A real pino logger whose lines the test can read (for "logs once" assertions). */
import { type Logger, pino } from 'pino';

/** One parsed log line. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A logger at `debug` that keeps every line it writes. */
export interface CapturedLogger {
  logger: Logger;
  lines: LogLine[];
  /** Lines at `warn` (40). */
  warnings(): LogLine[];
  /** Lines at `info` (30). */
  infos(): LogLine[];
  /** Lines at `error` (50). */
  errors(): LogLine[];
}

/** Creates a captured logger. */
export function captureLogger(): CapturedLogger {
  const lines: LogLine[] = [];
  const stream = { write: (line: string) => lines.push(JSON.parse(line) as LogLine) };
  const logger = pino({ level: 'debug' }, stream);
  const at = (level: number) => () => lines.filter((line) => line.level === level);
  return { logger, lines, warnings: at(40), infos: at(30), errors: at(50) };
}
