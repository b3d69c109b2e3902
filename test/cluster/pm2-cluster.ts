/** A Keel cluster under a PM2 daemon of its own (private PM2_HOME), driven through the npm scripts. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testPrivateKeyEnv } from '../helpers/test-signing-key.js';

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUN = join(REPO_ROOT, 'node_modules', '.bin', 'bun');
const PM2 = join(REPO_ROOT, 'node_modules', '.bin', 'pm2');

/** Which app of ecosystem.config.cjs runs: Bun workers on src/main.ts or Node ones on dist/main.js. */
export type ClusterRuntime = 'bun' | 'node';

/** One worker as `pm2 jlist` reports it. */
export interface Pm2Worker {
  pid: number;
  status: string;
  restarts: number;
}

interface JlistEntry {
  name: string;
  pid: number;
  pm2_env: { status: string; restart_time: number };
}

// The commands a user runs (README "Deploy"); the CLI of the Bun variant runs under Bun, so
// the daemon it spawns, and therefore the workers, are Bun.
const VARIANTS = {
  bun: {
    app: 'keel',
    cli: [BUN, '--bun', PM2],
    start: ['npm', 'run', '--silent', 'pm2:start'],
    reload: ['npm', 'run', '--silent', 'pm2:reload'],
  },
  node: {
    app: 'keel-node',
    cli: [PM2],
    start: ['npm', 'run', '--silent', 'pm2:start:node'],
    reload: [PM2, 'reload', 'keel-node'],
  },
} as const;

const live = new Set<Pm2Cluster>();
// An interrupted run must not leave a daemon and its workers behind.
process.once('exit', () => {
  for (const cluster of live) cluster.killNow();
});

/** Starts, reloads and kills one app; nothing touches the user's own PM2 daemon. */
export class Pm2Cluster {
  private constructor(
    private readonly variant: (typeof VARIANTS)[ClusterRuntime],
    /** The private PM2_HOME (a temporary folder). */
    readonly home: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Starts the app with `env` (PORT, DATABASE_URL, ...); resolves once every worker is ready. */
  static async start(runtime: ClusterRuntime, env: Record<string, string>): Promise<Pm2Cluster> {
    const home = await mkdtemp(join(tmpdir(), 'keel-pm2-'));
    const logDir = join(home, 'app-logs');
    const processEnv = {
      ...process.env,
      AUTH_PRIVATE_KEY: testPrivateKeyEnv(),
      ...env,
      PM2_HOME: home,
      PM2_LOG_DIR: logDir,
    };
    const cluster = new Pm2Cluster(VARIANTS[runtime], home, processEnv);
    live.add(cluster);
    try {
      await cluster.exec(cluster.variant.start);
    } catch (error) {
      await cluster.kill();
      throw error;
    }
    return cluster;
  }

  /** The file PM2 writes the workers' stdout to. */
  get outLog(): string {
    return join(this.home, 'app-logs', `${this.variant.app}.out.log`);
  }

  /** Replaces the workers one by one (`pm2 reload`); resolves when PM2 reports it done. */
  async reload(): Promise<void> {
    await this.exec(this.variant.reload);
  }

  /** The app's workers. */
  async workers(): Promise<Pm2Worker[]> {
    const { stdout } = await this.exec([...this.variant.cli, 'jlist']);
    const entries = JSON.parse(stdout.slice(stdout.indexOf('['))) as JlistEntry[];
    return entries
      .filter((entry) => entry.name === this.variant.app)
      .map((entry) => ({
        pid: entry.pid,
        status: entry.pm2_env.status,
        restarts: entry.pm2_env.restart_time,
      }));
  }

  /** Stops the daemon and its workers (`pm2 kill`), then removes PM2_HOME. Safe to call twice. */
  async kill(): Promise<void> {
    await this.exec([...this.variant.cli, 'kill']).catch(() => undefined);
    await rm(this.home, { recursive: true, force: true });
    live.delete(this);
  }

  /** `pm2 kill`, synchronously (for the process' exit handler). */
  killNow(): void {
    const [file, ...args] = [...this.variant.cli, 'kill'] as [string, ...string[]];
    try {
      execFileSync(file, args, { cwd: REPO_ROOT, env: this.env, stdio: 'ignore', timeout: 30_000 });
    } catch {
      // Nothing more can be done while the process exits.
    }
  }

  private async exec(command: readonly string[]): Promise<{ stdout: string }> {
    const [file, ...args] = command as [string, ...string[]];
    try {
      return await run(file, args, {
        cwd: REPO_ROOT,
        env: this.env,
        timeout: 180_000,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      const output = `${stdout ?? ''}\n${stderr ?? ''}`.trim();
      throw new Error(`${command.join(' ')} failed:\n${output}`, { cause: error });
    }
  }
}
