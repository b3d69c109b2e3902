/**
 * PM2 process file: `keel`, a cluster of Bun workers running src/main.ts (`npm run pm2:start`,
 * the daemon runs under Bun), and `keel-node`, the same cluster on Node running the built
 * dist/main.js (`npm run pm2:start:node`, the daemon runs under Node).
 */
const { existsSync, readFileSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const path = require('node:path');
const { parse } = require('dotenv');

const envFile = path.join(__dirname, '.env');
const dotenv = existsSync(envFile) ? parse(readFileSync(envFile, 'utf8')) : {};

/** A setting as the app will see it: the environment first, then .env, then the default. */
function setting(name, fallback) {
  return process.env[name] || dotenv[name] || fallback;
}

/** Worker count: WEB_CONCURRENCY, else all cores with Postgres and 1 with PGlite (like the app). */
function instances() {
  const configured = Number.parseInt(setting('WEB_CONCURRENCY', ''), 10);
  // A bad value starts one worker, which exits with the app's own config error message.
  if (setting('WEB_CONCURRENCY', '')) return configured > 0 ? configured : 1;
  const postgres = /^postgres(ql)?:\/\//i.test(setting('DATABASE_URL', ''));
  return postgres ? availableParallelism() : 1;
}

// PM2_LOG_DIR moves the log files (tests use a temporary folder); ./logs by default.
const logDir = path.resolve(__dirname, setting('PM2_LOG_DIR', 'logs'));

// PM2 stops a worker with SIGINT, then SIGKILL after kill_timeout: wait longer than the app's
// own shutdown budget, or in-flight requests and connection closes are cut short.
const shutdownTimeoutMs = Number.parseInt(setting('SHUTDOWN_TIMEOUT_MS', '10000'), 10) || 10000;

/** Settings both variants share; `name` picks the log files. */
function clusterApp(name) {
  return {
    name,
    cwd: __dirname,
    exec_mode: 'cluster',
    instances: instances(),
    // A worker counts as up when it sends 'ready' (database and Redis connected, listening):
    // a reload replaces the next worker only then, so some worker always accepts.
    wait_ready: true,
    // Measured boot with Postgres and Redis: ~1 s on Bun, 2-3 s on Node (PGlite: 3-5 s); a
    // worker waiting for the migration lock or a slow database gets far longer before PM2
    // moves on without its 'ready'.
    listen_timeout: 30_000,
    kill_timeout: shutdownTimeoutMs + 5000,
    // Well above a busy worker (90-130 MB RSS on Postgres); PGlite runs in-process, up to ~1 GB.
    max_memory_restart: instances() > 1 ? '768M' : '1536M',
    autorestart: true,
    min_uptime: '10s',
    max_restarts: 10,
    exp_backoff_restart_delay: 200,
    // One file per stream for all workers: each pino line carries its worker's pid and number.
    out_file: path.join(logDir, `${name}.out.log`),
    error_file: path.join(logDir, `${name}.err.log`),
    merge_logs: true,
    env: {},
    env_production: { NODE_ENV: 'production' },
  };
}

module.exports = {
  apps: [
    {
      ...clusterApp('keel'),
      script: 'src/main.ts',
      // Informational: in cluster mode the workers run on the daemon's runtime, so the daemon
      // must run under Bun (`bunx --bun pm2 ...`) for the workers to be Bun.
      interpreter: path.join(__dirname, 'node_modules', '.bin', 'bun'),
    },
    {
      // `npm run build` first; the daemon must run under Node (`npx pm2 ...`, not bunx).
      ...clusterApp('keel-node'),
      script: 'dist/main.js',
      interpreter: 'node',
    },
  ],
};
