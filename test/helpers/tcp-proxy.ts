/**
 * A TCP proxy on port 0 that tests `cut(shape)` (an outage of one of four shapes) and
 * `restore()` without touching the target server.
 */
import net from 'node:net';

/** Where the proxy forwards to. */
export interface TcpProxyTarget {
  host: string;
  port: number;
}

/**
 * How the outage looks to the client:
 * - `reset`: open connections and new ones are reset (RST), as by a crashed server.
 * - `refuse`: nothing listens (ECONNREFUSED); open connections are reset.
 * - `stall`: a black hole that heals: nothing is forwarded, new connections are accepted and
 *   held; on restore everything held flows again (TCP retransmitting after a partition).
 * - `silent`: the peer vanished: open connections and those made during the outage accept bytes
 *   and never answer, even after restore (a failed-over or frozen host); new ones work again.
 */
export type FaultShape = 'reset' | 'refuse' | 'stall' | 'silent';

const FAULT_SHAPES: readonly FaultShape[] = ['reset', 'refuse', 'stall', 'silent'];

type Mode = 'live' | 'held' | 'dark';

interface Link {
  client: net.Socket;
  upstream: net.Socket | undefined;
  mode: Mode;
  /** Bytes held while `held`, per direction. */
  toUpstream: Buffer[];
  toClient: Buffer[];
}

/** Forwards every connection to `target` until cut. */
export class TcpProxy {
  static readonly shapes = FAULT_SHAPES;
  private readonly links = new Set<Link>();
  private fault: FaultShape | undefined;
  private listenPort = 0;

  private constructor(
    private server: net.Server,
    private readonly target: TcpProxyTarget,
  ) {}

  /** Starts a proxy on 127.0.0.1 and a free port. */
  static async start(target: TcpProxyTarget): Promise<TcpProxy> {
    const proxy = new TcpProxy(net.createServer(), target);
    await proxy.listen(0);
    return proxy;
  }

  /** The port the proxy listens on (kept across a `refuse` outage). */
  get port(): number {
    return this.listenPort;
  }

  /** Rewrites a `scheme://user@host:port/path` URL so it goes through this proxy. */
  proxiedUrl(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  /** Starts an outage of the given shape (`reset` by default). */
  cut(shape: FaultShape = 'reset'): void {
    this.fault = shape;
    for (const link of this.links) {
      if (shape === 'reset' || shape === 'refuse') this.drop(link);
      else link.mode = shape === 'stall' ? 'held' : 'dark';
    }
    if (shape === 'refuse') this.server.close();
  }

  /** Ends the outage: new connections are forwarded; held ones flow again, dark ones stay dark. */
  async restore(): Promise<void> {
    const shape = this.fault;
    this.fault = undefined;
    if (shape === 'refuse') await this.listen(this.listenPort);
    for (const link of this.links) if (link.mode === 'held') this.release(link);
  }

  /** Stops listening and destroys every connection. */
  async close(): Promise<void> {
    this.fault = undefined;
    for (const link of this.links) this.drop(link);
    if (this.server.listening) {
      await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }
  }

  private async listen(port: number): Promise<void> {
    if (!this.server.listening && port !== 0) this.server = net.createServer();
    this.server.on('connection', (client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('TcpProxy: no port');
    this.listenPort = address.port;
  }

  private accept(client: net.Socket): void {
    // A reset (RST), like a crashed server: clients fail at once.
    if (this.fault === 'reset' || this.fault === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const mode: Mode = this.fault === 'stall' ? 'held' : this.fault === 'silent' ? 'dark' : 'live';
    const link: Link = { client, upstream: undefined, mode, toUpstream: [], toClient: [] };
    this.links.add(link);
    client.on('error', () => this.drop(link));
    client.on('close', () => this.drop(link));
    client.on('data', (chunk: Buffer) => this.forward(link, 'toUpstream', chunk));
    if (mode === 'live') this.connectUpstream(link);
  }

  private connectUpstream(link: Link): void {
    const upstream = net.connect(this.target.port, this.target.host);
    link.upstream = upstream;
    upstream.on('error', () => this.drop(link));
    upstream.on('close', () => this.drop(link));
    upstream.on('data', (chunk: Buffer) => this.forward(link, 'toClient', chunk));
  }

  private forward(link: Link, direction: 'toUpstream' | 'toClient', chunk: Buffer): void {
    if (link.mode === 'dark') return;
    if (link.mode === 'held') {
      link[direction].push(chunk);
      return;
    }
    const to = direction === 'toUpstream' ? link.upstream : link.client;
    to?.write(chunk);
  }

  private release(link: Link): void {
    link.mode = 'live';
    if (!link.upstream) this.connectUpstream(link);
    for (const chunk of link.toUpstream.splice(0)) link.upstream?.write(chunk);
    for (const chunk of link.toClient.splice(0)) link.client.write(chunk);
  }

  private drop(link: Link): void {
    if (!this.links.delete(link)) return;
    link.client.resetAndDestroy();
    link.upstream?.resetAndDestroy();
  }
}
