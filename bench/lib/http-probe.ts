/** One short HTTP request from the runner (readiness probes, seeding data). */
import { request } from 'node:http';

/** What came back. */
export interface ProbeResponse {
  status: number;
  body: string;
}

/** Options of one request. */
export interface ProbeOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  timeoutMs?: number;
}

/** Sends one request on a fresh connection; rejects on a socket error or after `timeoutMs`. */
export function httpRequest(url: string, options: ProbeOptions = {}): Promise<ProbeResponse> {
  const payload = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.method ?? 'GET',
      agent: false,
      timeout: options.timeoutMs ?? 2000,
      headers: payload ? { 'content-type': 'application/json' } : {},
    });
    req.once('timeout', () => req.destroy(new Error(`no answer from ${url} in time`)));
    req.once('error', reject);
    req.once('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.once('error', reject);
    });
    req.end(payload);
  });
}
