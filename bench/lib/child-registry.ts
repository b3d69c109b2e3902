/** Every child process the runner starts, so none outlives it (error, exit or Ctrl-C). */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();

/** Remembers `child` until it exits. */
export function trackChild(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** Kills every tracked child still running when the runner exits or is interrupted. */
export function killChildrenOnExit(): void {
  const killAll = () => {
    for (const child of live) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping ${live.size} process(es)\n`);
      killAll();
      process.exit(130);
    });
  }
}

/** The children still running. */
export function liveChildren(): ChildProcess[] {
  return [...live];
}
