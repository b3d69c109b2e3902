/** Formats generated TypeScript with the project's own Biome, so it passes `biome check` as written. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GeneratorError } from './generator-errors.js';

/** Turns source text into the project's formatting; `path` (relative to the root) picks the rules. */
export interface CodeFormatter {
  /** False when the formatter cannot run: files are then written as rendered. */
  readonly available: boolean;
  format(path: string, contents: string): Promise<string>;
}

/** Leaves code as it is. */
export const identityFormatter: CodeFormatter = {
  available: false,
  format: (_path, contents) => Promise.resolve(contents),
};

const FORMAT_TIMEOUT_MS = 30_000;

/**
 * Runs `node_modules/.bin/biome check --write --stdin-file-path=<path>` in `root`: Biome formats,
 * sorts imports and applies safe fixes with the project's biome.json. Field lists make lines of any
 * length, and only Biome knows exactly where it would break them.
 */
export function biomeFormatter(root: string): CodeFormatter {
  const binary = join(root, 'node_modules', '.bin', 'biome');
  if (!existsSync(binary)) return identityFormatter;
  return {
    available: true,
    format: (path, contents) => runBiome(binary, root, path, contents),
  };
}

function runBiome(binary: string, root: string, path: string, contents: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['check', '--write', `--stdin-file-path=${path}`], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: FORMAT_TIMEOUT_MS,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(formatError(path, error.message)));
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0 && stdout.trim() !== '') {
        resolve(stdout);
        return;
      }
      const said = Buffer.concat(err).toString('utf8').trim() || stdout.trim();
      reject(formatError(path, said === '' ? `exit code ${code}` : said));
    });
    // A Biome that exits early (bad config) breaks the pipe; its exit code reports why.
    child.stdin.on('error', () => {});
    child.stdin.end(contents);
  });
}

function formatError(path: string, reason: string): GeneratorError {
  return new GeneratorError('FORMAT_FAILED', `biome could not format ${path}: ${reason}`);
}
