/** One child of `npm run dev`: its output prefixed line by line, stopped with its process group. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { OutputStream } from './output.js';

/** What to run, where, and where its lines go. */
export interface DevProcessOptions {
  /** The line prefix, e.g. `[app]`. */
  label: string;
  command: string;
  args: readonly string[];
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** How a child ended: its exit code, or the signal that ended it. */
export type DevExit = { code: number | null; signal: NodeJS.Signals | null };

/** A running child; `exited` settles once it is gone. */
export class DevProcess {
  readonly exited: Promise<DevExit>;
  private readonly child: ChildProcess;
  private gone = false;

  constructor(options: DevProcessOptions) {
    // Its own process group: a terminal's Ctrl-C reaches the supervisor only, which then stops
    // each child once (a second signal would make the app skip its graceful shutdown).
    this.child = spawn(options.command, [...options.args], {
      cwd: options.cwd,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    prefixLines(this.child.stdout, options.label, options.stdout);
    prefixLines(this.child.stderr, options.label, options.stderr);
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        options.stderr.write(
          `${options.label} cannot start ${options.command}: ${error.message}\n`,
        );
      });
      this.child.once('close', (code, signal) => {
        this.gone = true;
        resolve({ code, signal });
      });
    });
  }

  /** The child's PID (also its process group's id). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the child still runs. */
  get running(): boolean {
    return !this.gone;
  }

  /** Sends `signal` to the child's group; SIGKILL after `graceMs` if it is still there. */
  async stop(signal: NodeJS.Signals, graceMs: number): Promise<DevExit> {
    this.signal(signal);
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  /** Sends `signal` to the child's whole group, if it still runs. */
  signal(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (this.gone || pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  }
}

function prefixLines(stream: NodeJS.ReadableStream | null, label: string, out: OutputStream): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
    out.write(`${label} ${line}\n`);
  });
}
