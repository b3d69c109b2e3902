/**
 * enableShutdownSignals: a signal, an uncaught exception or an unhandled rejection closes the app
 * within its budget, then exits (0 for a signal, 1 for a crash or an overrun).
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type App,
  createApp,
  enableShutdownSignals,
  Injectable,
  Module,
  RequestContext,
} from '#core';
import { createLogger } from '../../../src/core/logger/index.js';
import { LogCapture } from '../logger/log-capture.js';

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
  const capture = new LogCapture();
  const logger = createLogger({ level: 'info', pretty: false, destination: capture });
  app = await createApp(HolderModule, { logger, hookTimeoutMs: 60_000 });
  const exit = vi.fn<(code: number) => void>();
  // Stands in for `process`: the test runner's own handlers never see these events.
  const emitter = new EventEmitter();
  const options = {
    timeoutMs,
    exit,
    signals: [SIGNAL],
    process: emitter,
    ...(drainMs === undefined ? {} : { drainMs }),
  };
  remove = enableShutdownSignals(app, options);
  return { app, exit, emitter, capture };
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
    const { exit, emitter } = await withSignals(5000);
    emitter.emit(SIGNAL, SIGNAL);
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
    expect(closed).toEqual([`closed(${SIGNAL})`]);
    expect(exit.mock.calls).toEqual([[0]]);
  });

  it('drains for a quarter of the budget (at most 2 s) and gives requests all but a fifth (at most 2 s)', async () => {
    const short = await withSignals(4000);
    const close = vi.spyOn(short.app, 'close');
    short.emitter.emit(SIGNAL, SIGNAL);
    expect(close).toHaveBeenCalledWith(SIGNAL, { drainMs: 1000, inFlightMs: 3200 });
    remove?.();
    const long = await withSignals(60_000);
    const longClose = vi.spyOn(long.app, 'close');
    long.emitter.emit(SIGNAL, SIGNAL);
    expect(longClose).toHaveBeenCalledWith(SIGNAL, { drainMs: 2000, inFlightMs: 58_000 });
    remove?.();
    const set = await withSignals(60_000, 0);
    const setClose = vi.spyOn(set.app, 'close');
    set.emitter.emit(SIGNAL, SIGNAL);
    expect(setClose).toHaveBeenCalledWith(SIGNAL, { drainMs: 0, inFlightMs: 58_000 });
  });

  it('exits 1 when the shutdown overruns its budget', async () => {
    hangShutdown();
    const { exit, emitter } = await withSignals(200);
    emitter.emit(SIGNAL, SIGNAL);
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1), { timeout: 5000 });
    expect(closed).toEqual([]);
  });

  it('exits 1 at once on a second signal', async () => {
    hangShutdown();
    const { exit, emitter } = await withSignals(60_000);
    emitter.emit(SIGNAL, SIGNAL);
    emitter.emit(SIGNAL, SIGNAL);
    expect(exit.mock.calls).toEqual([[1]]);
  });

  it('stops listening for signals and crashes once removed', async () => {
    const { exit, emitter } = await withSignals(5000);
    remove?.();
    remove = undefined;
    emitter.emit(SIGNAL, SIGNAL);
    expect(emitter.listenerCount('uncaughtException')).toBe(0);
    expect(emitter.listenerCount('unhandledRejection')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exit).not.toHaveBeenCalled();
    expect(closed).toEqual([]);
  });
});

describe('enableShutdownSignals on a crash', () => {
  it('logs an uncaught exception at fatal with the request id, closes gracefully, exits 1', async () => {
    const { exit, emitter, capture } = await withSignals(5000);
    const context = { requestId: 'req-crash-1', lang: 'en' as const };
    RequestContext.run(context, () => {
      emitter.emit('uncaughtException', new TypeError('x is not a function'), 'uncaughtException');
    });
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
    expect(exit.mock.calls).toEqual([[1]]);
    expect(closed).toEqual(['closed(uncaughtException)']);
    const fatal = capture.records().find((record) => record.level === 60);
    expect(fatal).toMatchObject({
      msg: 'uncaught exception: shutting down',
      requestId: 'req-crash-1',
      err: { type: 'TypeError', message: 'x is not a function' },
    });
  });

  it('logs an unhandled rejection at error, closes gracefully, exits 1', async () => {
    const { exit, emitter, capture } = await withSignals(5000);
    emitter.emit('unhandledRejection', new Error('nobody awaited me'), Promise.resolve());
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
    expect(exit.mock.calls).toEqual([[1]]);
    expect(closed).toEqual(['closed(unhandledRejection)']);
    expect(capture.records().find((record) => record.level === 50)).toMatchObject({
      msg: 'unhandled rejection: shutting down',
      err: { type: 'Error', message: 'nobody awaited me' },
    });
  });

  it('exits 1 when a crash happens while a signal is closing the app', async () => {
    hangShutdown();
    const { exit, emitter } = await withSignals(5000);
    emitter.emit(SIGNAL, SIGNAL);
    emitter.emit('unhandledRejection', new Error('late'), Promise.resolve());
    hang?.release();
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
    expect(exit.mock.calls).toEqual([[1]]);
    expect(closed).toEqual([`closed(${SIGNAL})`]);
  });
});
