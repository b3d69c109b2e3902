/** Every log line names its process (pid) and, under PM2, its worker (NODE_APP_INSTANCE). */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/core/logger/index.js';
import { LogCapture } from '../logger/log-capture.js';

const saved = process.env.NODE_APP_INSTANCE;

afterEach(() => {
  if (saved === undefined) delete process.env.NODE_APP_INSTANCE;
  else process.env.NODE_APP_INSTANCE = saved;
});

function lines(worker?: string): Array<Record<string, unknown>> {
  const capture = new LogCapture();
  const options = { level: 'info', pretty: false, destination: capture };
  const logger = createLogger(worker === undefined ? options : { ...options, worker });
  logger.info('root line');
  logger.child({ requestId: 'r-1' }).warn('request line');
  return capture.records();
}

describe('worker identity in log lines', () => {
  it('puts the pid on every line, and no worker outside PM2', () => {
    delete process.env.NODE_APP_INSTANCE;
    const records = lines();
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record.pid).toBe(process.pid);
      expect(record).not.toHaveProperty('worker');
    }
  });

  it("adds PM2's NODE_APP_INSTANCE as the worker number on every line", () => {
    process.env.NODE_APP_INSTANCE = '1';
    expect(lines().map((record) => [record.pid, record.worker])).toEqual([
      [process.pid, 1],
      [process.pid, 1],
    ]);
  });

  it('takes the worker from the options first', () => {
    process.env.NODE_APP_INSTANCE = '1';
    expect(lines('3').map((record) => record.worker)).toEqual([3, 3]);
  });
});
