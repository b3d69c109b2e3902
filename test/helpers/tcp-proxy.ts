/** A TCP proxy on port 0 that tests can `cut()` (an outage) and `restore()` without touching the target. */
import net from 'node:net';

/** Where the proxy forwards to. */
export interface TcpProxyTarget {
  host: string;
  port: number;
}

/** Forwards every connection to `target` until cut; `cut()` destroys sockets and refuses new ones. */
export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private isCut = false;

  private constructor(
    private readonly server: net.Server,
    private readonly target: TcpProxyTarget,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /** Starts a proxy on 127.0.0.1 and a free port. */
  static async start(target: TcpProxyTarget): Promise<TcpProxy> {
    const server = net.createServer();
    const proxy = new TcpProxy(server, target);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** The port the proxy listens on. */
  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string')
      throw new Error('TcpProxy is not listening');
    return address.port;
  }

  /** Rewrites a `scheme://user@host:port/path` URL so it goes through this proxy. */
  proxiedUrl(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  /** Simulates an outage: every open connection is reset and new ones are reset on arrival. */
  cut(): void {
    this.isCut = true;
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
  }

  /** Ends the outage: new connections are forwarded again. */
  restore(): void {
    this.isCut = false;
  }

  /** Stops listening and destroys every connection. */
  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    // A reset (RST), like a closed port, rather than a clean close: clients fail at once, while
    // keeping the listener means no other process can take the port during the outage.
    if (this.isCut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(this.target.port, this.target.host);
    this.track(client);
    this.track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }
}
