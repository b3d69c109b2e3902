/** A `ws` client for tests: queued frames, bounded waits, close codes and upgrade statuses. */
import { WebSocket } from 'ws';

/** A decoded frame. */
export interface Frame {
  event: string;
  data: unknown;
}

const WAIT_MS = 5_000;

/** Options of `TestClient.connect`. */
export interface ConnectOptions {
  headers?: Record<string, string>;
  /** false simulates a dead peer: pings are never answered. */
  autoPong?: boolean;
}

/** One connected client; `next()` returns frames in arrival order. */
export class TestClient {
  private readonly frames: Frame[] = [];
  private waiter: ((frame: Frame) => void) | undefined;
  /** Resolves with the close code once the connection is closed. */
  readonly closed: Promise<number>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as Frame;
      const waiter = this.waiter;
      this.waiter = undefined;
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
  }

  /** Opens a connection to `url` (ws://127.0.0.1:PORT/path?query). */
  static async connect(url: string, options: ConnectOptions = {}): Promise<TestClient> {
    const socket = new WebSocket(url, {
      headers: options.headers ?? {},
      autoPong: options.autoPong ?? true,
    });
    const client = new TestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  /** Sends a frame (an object is JSON-encoded, a string goes as is). */
  send(frame: object | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The next frame; fails after a generous bound so a missing frame cannot hang the suite. */
  next(): Promise<Frame> {
    const queued = this.frames.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`no frame within ${WAIT_MS} ms`));
      }, WAIT_MS);
      this.waiter = (frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
    });
  }

  /** Sends a frame and returns the next frame received. */
  async request(frame: object | string): Promise<Frame> {
    this.send(frame);
    return this.next();
  }

  /** Resolves true if no frame arrives within `ms` (a short, bounded wait for absence). */
  async receivesNothingWithin(ms: number): Promise<boolean> {
    if (this.frames.length > 0) return false;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.frames.length === 0;
  }

  /** Waits for the close code, failing after a generous bound. */
  async closeCode(): Promise<number> {
    return Promise.race([
      this.closed,
      new Promise<number>((_, reject) =>
        setTimeout(() => reject(new Error(`not closed within ${WAIT_MS} ms`)), WAIT_MS),
      ),
    ]);
  }

  /** Closes the connection and waits until it is closed. */
  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close();
    await this.closed;
  }
}

/** How the server answered an upgrade request. */
export interface UpgradeAnswer {
  /** 101 when the connection opened, else the refusal's HTTP status. */
  status: number;
  /** The refusal's JSON body. */
  body?: unknown;
}

/** Sends an upgrade request and reports how it was answered (an opened socket is closed). */
export function upgrade(url: string, headers: Record<string, string> = {}): Promise<UpgradeAnswer> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.close();
      resolve({ status: 101 });
    });
    socket.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    socket.once('error', reject);
  });
}

/** The HTTP status an upgrade request gets: 101 when it connects, else the refusal's status. */
export async function upgradeStatus(
  url: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return (await upgrade(url, headers)).status;
}

/** `ws://host:port` of a listening app address (`http://host:port`). */
export function wsBase(address: string): string {
  return address.replace(/^http/, 'ws');
}
