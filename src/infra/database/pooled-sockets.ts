/**
 * The sockets of a postgres.js pool, opened by Keel (postgres.js's `socket` option) so they can
 * be dropped: all at once when the database is declared down, or one that stopped answering.
 */
import net from 'node:net';

/** What postgres.js passes to its `socket` option: its parsed connection options. */
export interface SocketTarget {
  host: readonly string[];
  port: readonly number[];
  path?: string | false;
}

interface Watched {
  socket: net.Socket;
  written: number;
  read: number;
  /** When bytes last went out with nothing read since; 0 while not waiting for an answer. */
  waitingSince: number;
}

const SWEEP_MS = 500;

/**
 * Creates sockets the way postgres.js would (one host after the other, or a Unix socket) and
 * tracks them. A socket that sent bytes and has read nothing for `replyTimeoutMs` is destroyed:
 * postgres.js then fails its queries with a connection error and reconnects on the next query,
 * instead of keeping a connection whose peer went silent (no deadline of its own covers that).
 */
export class PooledSockets {
  private readonly watched = new Set<Watched>();
  private sweeper: NodeJS.Timeout | undefined;
  private next = 0;

  constructor(private readonly replyTimeoutMs: number) {}

  /** The `socket` option: returns a connecting socket, which postgres.js may write to at once. */
  readonly connect = (target: SocketTarget): net.Socket => {
    const index = this.next++ % Math.max(1, target.host.length);
    const host = target.host[index] ?? '127.0.0.1';
    const port = target.port[index] ?? target.port[0] ?? 5432;
    const socket = target.path ? net.connect(target.path) : net.connect(port, host);
    // postgres.js adds its own error listener once this returns; until then, none may be missing.
    socket.on('error', () => undefined);
    // postgres.js reads these for TLS (servername) and its error messages.
    Object.assign(socket, { host, port });
    const entry: Watched = { socket, written: 0, read: 0, waitingSince: 0 };
    this.watched.add(entry);
    socket.once('close', () => {
      this.watched.delete(entry);
      if (this.watched.size === 0) this.stopSweeping();
    });
    this.startSweeping();
    return socket;
  };

  /** Destroys every socket (their queries fail with a connection error; the pool reconnects). */
  destroyAll(): void {
    for (const { socket } of this.watched) socket.destroy();
  }

  /** Destroys the sockets still waiting for an answer after `replyTimeoutMs`. */
  sweep(now = Date.now()): void {
    for (const entry of this.watched) {
      const { socket } = entry;
      const read = socket.bytesRead;
      const written = socket.bytesWritten;
      if (read !== entry.read) entry.waitingSince = 0;
      else if (written !== entry.written && entry.waitingSince === 0) entry.waitingSince = now;
      entry.read = read;
      entry.written = written;
      if (entry.waitingSince !== 0 && now - entry.waitingSince >= this.replyTimeoutMs) {
        socket.destroy();
      }
    }
  }

  private startSweeping(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  private stopSweeping(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
