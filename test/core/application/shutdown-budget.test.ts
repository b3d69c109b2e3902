/**
 * SIGTERM to a Keel process under Bun with the default budget (SHUTDOWN_TIMEOUT_MS=10000) while
 * 50 slow requests (0.2 s to 10 s) are in flight: no new connection is accepted, those that end
 * within the in-flight budget (8 s) answer 200, the rest get a 503 error body, none is reset.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeOptionsFor } from '../../../src/core/application/shutdown-signals.js';
import { type HttpGetResult, httpGet, waitForInFlight } from './fixtures/http-get.js';
import { KeelProcess } from './fixtures/keel-process.js';

const ENTRY = 'test/core/application/fixtures/slow-app.entry.ts';
const SHUTDOWN_TIMEOUT_MS = 10_000;
const IN_FLIGHT = 50;
// Requests start a little before the signal; a margin keeps the test from racing the deadline.
const MARGIN_MS = 400;

let keel: KeelProcess | undefined;

afterEach(async () => {
  await keel?.stop();
  keel = undefined;
});

describe('SIGTERM with 50 slow requests in flight (Bun process, default budget)', () => {
  it('answers each one: 200 within the in-flight budget, a 503 error body past it', async () => {
    const { inFlightMs } = closeOptionsFor({ timeoutMs: SHUTDOWN_TIMEOUT_MS });
    keel = await KeelProcess.start(ENTRY, { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });
    const durations = Array.from({ length: IN_FLIGHT }, (_, index) => (index + 1) * 200);
    const requests = durations.map((ms) => httpGet(`${keel?.url}/slow?ms=${ms}`, false));
    await waitForInFlight(keel.url, IN_FLIGHT);
    const signalled = Date.now();
    keel.signal('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await httpGet(`${keel.url}/ping`, false).then(
      (answer) => `answered ${answer.status}`,
      (error: NodeJS.ErrnoException) => error.code,
    );
    const results = await Promise.allSettled(requests);
    const exit = await keel.exited();
    const answers = results.map((result) => (result.status === 'fulfilled' ? result.value : null));
    const statusOf = (answer: HttpGetResult | null) => answer?.status ?? 'reset';
    const ok = answers.filter((answer) => answer?.status === 200).length;
    const cut = answers.filter((answer): answer is HttpGetResult => answer?.status === 503);
    console.log(
      `\n[shutdown] ${IN_FLIGHT} requests of 0.2-10 s, budget ${SHUTDOWN_TIMEOUT_MS} ms ` +
        `(in-flight ${inFlightMs} ms): ${ok} answered 200, ${cut.length} got 503, ` +
        `${IN_FLIGHT - ok - cut.length} reset; new connection: ${refused}; ` +
        `exit ${exit.code} after ${Date.now() - signalled} ms\n`,
    );

    expect(refused).toBe('ECONNREFUSED');
    durations.forEach((ms, index) => {
      const status = statusOf(answers[index] ?? null);
      if (ms <= inFlightMs - MARGIN_MS) expect({ ms, status }).toEqual({ ms, status: 200 });
      if (ms >= inFlightMs + MARGIN_MS) expect({ ms, status }).toEqual({ ms, status: 503 });
    });
    expect(ok + cut.length).toBe(IN_FLIGHT);
    for (const answer of cut) {
      expect(answer.connection).toBe('close');
      expect(JSON.parse(answer.body)).toMatchObject({
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        requestId: answer.requestId,
      });
    }
    expect(exit).toEqual({ code: 0, signal: null });
  }, 40_000);
});
