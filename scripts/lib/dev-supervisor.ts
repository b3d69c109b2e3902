/** `npm run dev`: the app under `bun --watch`, brought back after a boot failure, beside `tsc --watch`. */
import { type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import { DevProcess } from './dev-process.js';
import type { OutputStream } from './output.js';

/** Where the project is, what runs it, and where the output goes. */
export interface DevSupervisorOptions {
  root: string;
  /** The Bun binary (the supervisor's own `process.execPath`). */
  bun: string;
  stdout: OutputStream;
  stderr: OutputStream;
}

// A save is often several events: one restart per burst.
const RESTART_DELAY_MS = 150;
// Above the app's default SHUTDOWN_TIMEOUT_MS (10 s), so a graceful close is never cut short.
const STOP_GRACE_MS = 15_000;

/** Runs the app and the type checker until `stop`. */
export class DevSupervisor {
  private app: DevProcess | undefined;
  private tsc: DevProcess | undefined;
  private readonly watchers: FSWatcher[] = [];
  private restartTimer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(private readonly options: DevSupervisorOptions) {}

  /** Starts tsc, the app, and the watch that restarts the app once it has exited. */
  start(): void {
    const { root } = this.options;
    this.tsc = this.spawn('[tsc]', join(root, 'node_modules', '.bin', 'tsc'), [
      '--watch',
      '--noEmit',
      '-p',
      'tsconfig.json',
      '--preserveWatchOutput',
    ]);
    this.startApp();
    const onChange = () => this.scheduleRestart();
    this.watchers.push(watch(join(root, 'src'), { recursive: true }, onChange));
    // Config errors exit at boot too: fixing .env brings the app back.
    this.watchers.push(
      watch(root, (_event, file) => {
        if (file === '.env') onChange();
      }),
    );
  }

  /** Stops both children (signal first, SIGKILL after a grace period) and the watch. */
  async stop(signal: NodeJS.Signals): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    for (const watcher of this.watchers.splice(0)) watcher.close();
    await Promise.all([this.app, this.tsc].map((child) => child?.stop(signal, STOP_GRACE_MS)));
  }

  /** Kills both children at once (a second Ctrl-C). */
  kill(): void {
    this.app?.signal('SIGKILL');
    this.tsc?.signal('SIGKILL');
  }

  private startApp(): void {
    const app = this.spawn('[app]', this.options.bun, [
      '--watch',
      '--no-clear-screen',
      'src/main.ts',
    ]);
    this.app = app;
    app.exited.then(({ code, signal }) => {
      if (this.stopping || this.app !== app) return;
      this.options.stderr.write(
        `[dev] the app exited (${signal ?? `code ${code}`}); it restarts on the next change under src/ or in .env.\n`,
      );
    });
  }

  // While the app runs, bun --watch restarts it itself; after it exited, this does.
  private scheduleRestart(): void {
    if (this.stopping || this.app?.running) return;
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      if (this.stopping || this.app?.running) return;
      this.options.stdout.write('[dev] change detected: restarting the app\n');
      this.startApp();
    }, RESTART_DELAY_MS);
  }

  private spawn(label: string, command: string, args: string[]): DevProcess {
    const { root, stdout, stderr } = this.options;
    const child = new DevProcess({ label, command, args, cwd: root, stdout, stderr });
    stdout.write(`[dev] ${label} started (pid ${child.pid})\n`);
    return child;
  }
}
