/** enableShutdownSignals: a signal closes the app within its budget, then exits with 0 or 1. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type App, createApp, enableShutdownSignals, Injectable, Module } from '#core';

// A signal no test runner listens to: emitting it only reaches the handlers under test.
const SIGNAL: NodeJS.Signals = 'SIGUSR2';

const closed: string[] = [];
// While set, shutdown hangs until the test releases it.
let hang: { promise: Promise<void>; release: () => void } | undefined;

function hangShutdown(): void {
  let release = () => {};
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  hang = { promise, release };
}

@Injectable()
class ConnectionHolder {
  async onApplicationShutdown(signal?: string): Promise<void> {
    if (hang) await hang.promise;
    closed.push(`closed(${signal})`);
  }
}

@Module({ providers: [ConnectionHolder] })
class HolderModule {}

let remove: (() => void) | undefined;
let app: App | undefined;

async function withSignals(timeoutMs: number, drainMs?: number) {
  app = await createApp(HolderModule, { logger: false, hookTimeoutMs: 60_000 });
  const exit = vi.fn<(code: number) => void>();
  const options = {
    timeoutMs,
    exit,
    signals: [SIGNAL],
    ...(drainMs === undefined ? {} : { drainMs }),
  };
  remove = enableShutdownSignals(app, options);
  return { app, exit };
}

afterEach(async () => {
  remove?.();
  remove = undefined;
  hang?.release();
  hang = undefined;
  await app?.close();
  closed.length = 0;
  app = undefined;
});

describe('enableShutdownSignals', () => {
  it('closes the app with the signal, then exits 0', async () => {
    const { exit } = await withSignals(5000);
    process.emit(SIGNAL, SIGNAL);
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
    expect(closed).toEqual([`closed(${SIGNAL})`]);
    expect(exit.mock.calls).toEqual([[0]]);
  });

  it('drains for a quarter of the budget by default, at most 2 s, or for drainMs', async () => {
    const { app: running } = await withSignals(4000);
    const close = vi.spyOn(running, 'close');
    process.emit(SIGNAL, SIGNAL);
    expect(close).toHaveBeenCalledWith(SIGNAL, { drainMs: 1000 });
    remove?.();
    const long = await withSignals(60_000);
    const longClose = vi.spyOn(long.app, 'close');
    process.emit(SIGNAL, SIGNAL);
    expect(longClose).toHaveBeenCalledWith(SIGNAL, { drainMs: 2000 });
    remove?.();
    const set = await withSignals(60_000, 0);
    const setClose = vi.spyOn(set.app, 'close');
    process.emit(SIGNAL, SIGNAL);
    expect(setClose).toHaveBeenCalledWith(SIGNAL, { drainMs: 0 });
  });

  it('exits 1 when the shutdown overruns its budget', async () => {
    hangShutdown();
    const { exit } = await withSignals(200);
    process.emit(SIGNAL, SIGNAL);
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1), { timeout: 5000 });
    expect(closed).toEqual([]);
  });

  it('exits 1 at once on a second signal', async () => {
    hangShutdown();
    const { exit } = await withSignals(60_000);
    process.emit(SIGNAL, SIGNAL);
    process.emit(SIGNAL, SIGNAL);
    expect(exit.mock.calls).toEqual([[1]]);
  });

  it('stops listening for signals once removed', async () => {
    const { exit } = await withSignals(5000);
    remove?.();
    remove = undefined;
    process.emit(SIGNAL, SIGNAL);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exit).not.toHaveBeenCalled();
    expect(closed).toEqual([]);
  });
});
