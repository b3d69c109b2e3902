/** A pino destination that keeps every line, for asserting on log output. */
import { Writable } from 'node:stream';

/** Collects written log lines; `records()` parses them. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }

  /** Every line as JSON. */
  records(): Array<Record<string, unknown>> {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Everything written, for "never contains" assertions. */
  text(): string {
    return this.lines.join('\n');
  }
}
