/** PM2 process file: one Keel process under Bun (`bunx --bun pm2 start ecosystem.config.cjs`). */
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { parse } = require('dotenv');

const envFile = path.join(__dirname, '.env');
const dotenv = existsSync(envFile) ? parse(readFileSync(envFile, 'utf8')) : {};

/** A setting as the app will see it: the environment first, then .env, then the default. */
function setting(name, fallback) {
  return process.env[name] || dotenv[name] || fallback;
}

// PM2 stops the app with SIGINT (daemon-wide: PM2_KILL_SIGNAL), then SIGKILL after
// kill_timeout: wait longer than the app's own shutdown budget, or in-flight requests and
// connection closes are cut short.
const shutdownTimeoutMs = Number.parseInt(setting('SHUTDOWN_TIMEOUT_MS', '10000'), 10) || 10000;

module.exports = {
  apps: [
    {
      name: 'keel',
      cwd: __dirname,
      script: 'src/main.ts',
      // An interpreter path ending in "bun" makes PM2 use its Bun process container.
      interpreter: path.join(__dirname, 'node_modules', '.bin', 'bun'),
      exec_mode: 'fork',
      instances: 1,
      autorestart: true,
      min_uptime: '10s',
      max_restarts: 10,
      exp_backoff_restart_delay: 200,
      kill_timeout: shutdownTimeoutMs + 5000,
      out_file: path.join(__dirname, 'logs', 'keel.out.log'),
      error_file: path.join(__dirname, 'logs', 'keel.err.log'),
      merge_logs: true,
      env: {
        NODE_ENV: 'development',
      },
      env_production: {
        NODE_ENV: 'production',
      },
    },
  ],
};
