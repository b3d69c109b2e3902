/** Default stdout logging is batched: every line still leaves, soon, and before the process ends. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STDOUT_FLUSH_MS } from '../../../src/core/logger/stdout-destination.js';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BUN = `${REPO_ROOT}node_modules/.bin/bun`;
const FIXTURE = 'test/core/logger/fixtures/stdout-lines.ts';

interface Run {
  code: number | null;
  lines: string[];
  // When each stdout line and each stderr marker arrived (ms since spawn).
  at: Map<string, number>;
}

function run(mode: string, count: number): Promise<Run> {
  const child = spawn(BUN, [FIXTURE, mode, String(count)], { cwd: REPO_ROOT });
  const started = Date.now();
  const at = new Map<string, number>();
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (!at.has('first line')) at.set('first line', Date.now() - started);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    for (const marker of chunk.toString('utf8').split('\n').filter(Boolean)) {
      at.set(marker, Date.now() - started);
    }
  });
  return new Promise((resolve) => {
    child.once('close', (code) => resolve({ code, lines: stdout.split('\n').filter(Boolean), at }));
  });
}

describe('the default stdout destination (Bun)', { timeout: 60_000 }, () => {
  it('writes every line buffered at process.exit()', async () => {
    const { code, lines } = await run('exit', 2000);
    expect(code).toBe(0);
    expect(lines.map((line) => JSON.parse(line).i)).toEqual([...Array(2000).keys()]);
  });

  it('writes the lines still buffered when the event loop ends', async () => {
    const { code, lines } = await run('end', 3);
    expect(code).toBe(0);
    expect(lines).toHaveLength(3);
  });

  it('writes through a process.stdout.write replaced before it loaded (PM2 on Bun)', async () => {
    const child = spawn(BUN, ['test/core/logger/fixtures/stdout-replaced.ts'], { cwd: REPO_ROOT });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.startsWith('replaced:{'))).toBe(true);
  });

  it('writes the lines of exit listeners registered after it', async () => {
    const { lines } = await run('late', 1);
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual([
      'line',
      'from a later exit listener',
    ]);
  });

  it(`writes a lone line within ${STDOUT_FLUSH_MS} ms or so, while the process runs on`, async () => {
    const { lines, at } = await run('wait', 1);
    expect(lines).toHaveLength(1);
    const logged = at.get('logged') ?? Number.NaN;
    const written = at.get('first line') ?? Number.NaN;
    expect(written).toBeLessThan(at.get('done') ?? Number.NaN);
    expect(written - logged).toBeLessThan(STDOUT_FLUSH_MS + 1000);
  });
});
