/** An open-loop load: requests at a fixed rate whatever the answers, each one timed. */

/** One request's fate. */
export interface Sample {
  /** ms since the load started. */
  sentAt: number;
  latencyMs: number;
  /** HTTP status, or 0 when no response came (socket error or client timeout). */
  status: number;
  error?: string;
}

/** What `pacedLoad` sends. */
export interface PacedLoadOptions {
  url: string;
  ratePerSecond: number;
  durationMs: number;
  /** A request not answered by then counts as unanswered (status 0). */
  clientTimeoutMs: number;
}

/**
 * Sends `ratePerSecond` GETs for `durationMs` without waiting for answers (an open loop, as real
 * clients behave, so a server that queues shows its queue), then waits for every answer.
 */
export async function pacedLoad(options: PacedLoadOptions): Promise<Sample[]> {
  const { url, ratePerSecond, durationMs, clientTimeoutMs } = options;
  const started = performance.now();
  const pending: Promise<Sample>[] = [];
  const intervalMs = 1000 / ratePerSecond;
  const total = Math.floor((durationMs / 1000) * ratePerSecond);
  for (let n = 0; n < total; n++) {
    const due = started + n * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(url, performance.now() - started, clientTimeoutMs));
  }
  return Promise.all(pending);
}

async function send(url: string, sentAt: number, clientTimeoutMs: number): Promise<Sample> {
  const t0 = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(clientTimeoutMs) });
    await response.arrayBuffer();
    return { sentAt, latencyMs: performance.now() - t0, status: response.status };
  } catch (error) {
    const cause =
      error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
    const name = cause?.code ?? (error instanceof Error ? error.name : 'Error');
    return { sentAt, latencyMs: performance.now() - t0, status: 0, error: name };
  }
}
