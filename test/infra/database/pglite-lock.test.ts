/** PGlite is single-process: a folder's lock file keeps a second process out, and dies with its holder. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PgliteDriver } from '../../../src/infra/database/pglite-driver.js';
import { PGLITE_LOCK_FILE } from '../../../src/infra/database/pglite-lock.js';

const BUN = resolve('node_modules/.bin/bun');
const FIXTURE = 'test/infra/database/fixtures/open-pglite.ts';
const WAIT = { timeout: 45_000, interval: 50 };

/** A child process running the fixture on `dataDir`, with everything it printed so far. */
interface Opener {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
const folders: string[] = [];
const drivers: PgliteDriver[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(drivers.splice(0).map((driver) => driver.close()));
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'keel-pglite-lock-'));
  folders.push(dir);
  return dir;
}

function opener(dataDir: string, mode: 'hold' | 'exit' = 'hold'): Opener {
  const child = spawn(BUN, [FIXTURE, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  return { child, output: () => output, exited };
}

async function holding(dataDir: string): Promise<Opener> {
  const holder = opener(dataDir);
  await vi.waitUntil(() => holder.output().includes('OPEN '), WAIT);
  return holder;
}

function driverOn(dataDir: string | undefined): PgliteDriver {
  const driver = new PgliteDriver(
    { dataDir, instance: undefined },
    { migrationsFolder: './drizzle' },
  );
  drivers.push(driver);
  return driver;
}

const lockPid = (dataDir: string) =>
  Number(readFileSync(join(dataDir, PGLITE_LOCK_FILE), 'utf8').trim());

describe('PGlite folder lock', { timeout: 90_000 }, () => {
  it('refuses a second process with KEEL_DB_PGLITE_LOCKED, naming the folder, the PID and the fix', async () => {
    const dir = await folder();
    const first = await holding(dir);
    const second = opener(dir);

    await vi.waitUntil(() => /OPEN |FAILED /.test(second.output()), WAIT);
    expect(await second.exited).toBe(2);
    const output = second.output();
    expect(output).toContain('FAILED KEEL_DB_PGLITE_LOCKED');
    expect(output).toContain(`in ${dir} is in use by process ${first.child.pid}`);
    expect(output).toContain('set DATABASE_URL to a Postgres server');
    expect(lockPid(dir)).toBe(first.child.pid);
  });

  it('fails this process too, and its close after the failed open keeps the holder locked', async () => {
    const dir = await folder();
    const first = await holding(dir);
    const driver = driverOn(dir);

    await expect(driver.open()).rejects.toMatchObject({
      code: 'KEEL_DB_PGLITE_LOCKED',
      message: expect.stringContaining(`process ${first.child.pid}`),
    });
    await driver.close();
    expect(lockPid(dir)).toBe(first.child.pid);
  });

  it('takes over the lock of a process that was killed', async () => {
    const dir = await folder();
    const first = await holding(dir);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(lockPid(dir)).toBe(first.child.pid);

    const driver = driverOn(dir);
    await driver.open();
    expect(lockPid(dir)).toBe(process.pid);
  });

  it('lets only one of two processes take over the same stale lock', async () => {
    const dir = await folder();
    const gone = opener(dir, 'exit');
    await gone.exited;
    writeFileSync(join(dir, PGLITE_LOCK_FILE), `${gone.child.pid}\n`);

    const racers = [opener(dir), opener(dir)];
    await vi.waitUntil(() => racers.every((r) => /OPEN |FAILED /.test(r.output())), WAIT);
    const outputs = racers.map((racer) => racer.output());
    expect(outputs.filter((output) => output.includes('OPEN ')).length).toBe(1);
    expect(outputs.filter((output) => output.includes('FAILED KEEL_DB_PGLITE_LOCKED')).length).toBe(
      1,
    );
  });

  it('takes over a lock holding its own PID that it does not hold (a restarted container)', async () => {
    const dir = await folder();
    writeFileSync(join(dir, PGLITE_LOCK_FILE), `${process.pid}\n`);
    await driverOn(dir).open();
    expect(lockPid(dir)).toBe(process.pid);
  });

  it('releases the lock at close, so the next process opens the folder', async () => {
    const dir = await folder();
    const driver = driverOn(dir);
    await driver.open();
    expect(lockPid(dir)).toBe(process.pid);
    await driver.close();
    expect(existsSync(join(dir, PGLITE_LOCK_FILE))).toBe(false);

    await holding(dir);
  });

  it('releases the lock of a process that exits without closing', async () => {
    const dir = await folder();
    const quitter = opener(dir, 'exit');
    expect(await quitter.exited).toBe(0);
    expect(quitter.output()).toContain('LOCK HELD');
    expect(existsSync(join(dir, PGLITE_LOCK_FILE))).toBe(false);
  });

  it('refuses a second driver on the same folder in one process', async () => {
    const dir = await folder();
    await driverOn(dir).open();
    await expect(driverOn(dir).open()).rejects.toMatchObject({
      code: 'KEEL_DB_PGLITE_LOCKED',
      message: expect.stringContaining(`process ${process.pid}`),
    });
  });

  it('takes no lock for in-memory PGlite or an injected instance', async () => {
    const dir = await folder();
    const instance = await PGlite.create();
    const injected = new PgliteDriver(
      { dataDir: dir, instance },
      { migrationsFolder: './drizzle' },
    );
    await injected.open();
    expect(existsSync(join(dir, PGLITE_LOCK_FILE))).toBe(false);
    await injected.close();
    await instance.close();

    const memory = [driverOn(undefined), driverOn(undefined)];
    await Promise.all(memory.map((driver) => driver.open()));
  });
});
