/** Where Keel's loggers write by default: stdout, through one line buffer shared by every logger. */
import { type DestinationStream, pino } from 'pino';

/** A line waits at most this long (ms) for others to share its write. */
export const STDOUT_FLUSH_MS = 100;
// pino's own stdout stream hands every few lines to the threadpool (a round trip and a write(2)
// each), the largest part of a request line's cost on Node. Lines are gathered into one
// synchronous write of about 16 KiB instead (sonic-boom still does the write: partial writes,
// EAGAIN, EPIPE); sonic-boom's own `minLength` would measure its whole buffer on every line.
const WRITE_CHARS = 16_384;

/** Lines buffered in this thread, written to `out` in batches, soon after the first, and on exit. */
class LineBatcher implements DestinationStream {
  #pending = '';
  #flushArmed = false;
  #exiting = false;
  readonly #flushSoon = () => {
    this.#flushArmed = false;
    this.flushSync();
  };

  constructor(private readonly out: DestinationStream) {}

  /** Buffers `line`; writes the batch once it is large, or within STDOUT_FLUSH_MS. */
  write(line: string): boolean {
    this.#pending += line;
    if (this.#pending.length >= WRITE_CHARS || this.#exiting) this.flushSync();
    else if (!this.#flushArmed) {
      this.#flushArmed = true;
      setTimeout(this.#flushSoon, STDOUT_FLUSH_MS).unref();
    }
    return true;
  }

  /** Writes whatever is buffered now (pino's `logger.flush()`, exit). */
  flushSync(): void {
    if (this.#pending === '') return;
    const batch = this.#pending;
    this.#pending = '';
    this.out.write(batch);
  }

  /** Writes what is buffered and, from now on, every line at once (the process is exiting). */
  exit(): void {
    this.#exiting = true;
    this.flushSync();
  }

  /** pino's `logger.flush(cb)`. */
  flush(callback?: (error?: Error) => void): void {
    this.flushSync();
    callback?.();
  }
}

let shared: LineBatcher | undefined;

// Bun's process.stdout has its own `write` (not its prototype's), named `writeFast` (Bun 1.x).
// pino takes it for a replaced one and writes every line through it: about a fifth of a small
// request's CPU on Bun. A `write` by any other name was put there by someone else, possibly
// before this module loaded: PM2's Bun container does, to send lines to its log files.
const BUN_STDOUT_WRITE = 'writeFast';
const loadedWrite = process.stdout.write;

// Like pino, lines go through process.stdout when something (a test runner, PM2) replaced its
// write; an unknown Bun falls back to that too, which is only slower.
function stdoutReplaced(): boolean {
  const { write } = process.stdout;
  if (write === Object.getPrototypeOf(process.stdout).write) return false;
  return (
    process.versions.bun === undefined || write !== loadedWrite || write.name !== BUN_STDOUT_WRITE
  );
}

/** The process's buffered stdout (undefined when stdout has been replaced: pino's default then). */
export function stdoutDestination(): DestinationStream | undefined {
  if (stdoutReplaced()) return undefined;
  if (!shared) {
    const batcher = new LineBatcher(pino.destination({ dest: 1, sync: true }));
    // What is still buffered leaves with the process (process.exit, a signal Keel handles, the
    // end of the event loop), and lines of later 'exit' listeners are written at once; only a
    // kill or a native crash loses the last STDOUT_FLUSH_MS.
    process.once('exit', () => batcher.exit());
    shared = batcher;
  }
  return shared;
}
