/** A PID lock file in a PGlite folder: PGlite is single-process, so one process opens it at a time. */
import { randomUUID } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pgliteLocked } from '../infra-errors.js';

/** The lock file's name inside the data folder. */
export const PGLITE_LOCK_FILE = 'keel.lock';
// Serialises the removal of a stale lock, so two processes taking it over cannot both win.
const TAKEOVER_FILE = 'keel.lock.takeover';
const ATTEMPTS = 100;
const TAKEOVER_WAIT_MS = 20;

// Files this process holds. A file with our own PID that is not listed was left by an earlier
// process that had the same PID (a container restarted after a crash): it is stale.
const held = new Set<string>();
let exitHookInstalled = false;

/** Held on a PGlite folder from `acquire` to `release` (or to the process's exit). */
export class PgliteLock {
  private constructor(private readonly file: string) {}

  /** Takes the folder's lock (taking over a stale one) or throws KEEL_DB_PGLITE_LOCKED. */
  static async acquire(dataDir: string): Promise<PgliteLock> {
    const folder = resolve(dataDir);
    const file = join(folder, PGLITE_LOCK_FILE);
    let holder = 0;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (await createWithPid(file)) return new PgliteLock(file);
      const pid = await readPid(file);
      if (pid === undefined) continue;
      holder = pid;
      if (isAlive(pid, file)) throw pgliteLocked(folder, pid, file);
      await removeStale(file, join(folder, TAKEOVER_FILE));
    }
    throw pgliteLocked(folder, holder, file);
  }

  /** Deletes the lock file; calling it again does nothing. */
  async release(): Promise<void> {
    if (!held.delete(this.file)) return;
    await removeFile(this.file);
  }
}

/** Creates `file` holding our PID, atomically: a link fails when the file exists. */
async function createWithPid(file: string): Promise<boolean> {
  // Written first and linked after, so a reader never sees the file without its PID.
  const draft = `${file}.${process.pid}.${randomUUID()}`;
  await writeFile(draft, `${process.pid}\n`);
  try {
    await link(draft, file);
    held.add(file);
    installExitHook();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await removeFile(draft);
  }
}

/** The PID in `file`, 0 when it holds none, `undefined` when the file is gone. */
async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether the process that wrote `pid` into `file` still runs. */
function isAlive(pid: number, file: string): boolean {
  if (pid === 0) return false;
  if (pid === process.pid) return held.has(file);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes the stale `file`, under the takeover file so no live lock is deleted by a race. */
async function removeStale(file: string, takeover: string): Promise<void> {
  if (!(await createWithPid(takeover))) {
    const taker = await readPid(takeover);
    if (taker !== undefined && !isAlive(taker, takeover)) await removeFile(takeover);
    else await delay(TAKEOVER_WAIT_MS);
    return;
  }
  try {
    const pid = await readPid(file);
    // Re-read under the takeover file: only a dead holder's file is deleted.
    if (pid !== undefined && !isAlive(pid, file)) await removeFile(file);
  } finally {
    held.delete(takeover);
    await removeFile(takeover);
  }
}

async function removeFile(file: string): Promise<void> {
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

// A process that exits without closing the database (process.exit) leaves no lock behind.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const file of held) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to release.
      }
    }
  });
}
