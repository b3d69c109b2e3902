/** The running application: the Fastify server plus the resolved module graph. */
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import type { InjectionToken } from '../di/injection-token.js';
import type { Kernel } from '../di/kernel.js';
import { InFlightRequests } from './in-flight-requests.js';
import { ShutdownState } from './shutdown-state.js';
import { stopAccepting } from './stop-accepting.js';

/** How `App.close` lets clients go. */
export interface CloseOptions {
  /**
   * How long open connections may keep sending before the idle ones are closed (default 0: at
   * once). The server stops accepting new connections when `close` begins; each response
   * meanwhile says `Connection: close`, so a busy keep-alive client moves to another worker after
   * its next request instead of racing a close; `enableShutdownSignals` sets it.
   */
  drainMs?: number;
  /**
   * How long, from the start of `close`, requests in flight may still run (default: no limit).
   * Past it each one still waiting for its handler is answered 503 SERVICE_UNAVAILABLE.
   */
  inFlightMs?: number;
}

const DRAIN_POLL_MS = 20;
// Bun reports a connection only with its first request, so the drain waits until none came for a while.
const DRAIN_QUIET_MS = 150;

/** What `createApp` and `createTestingModule(...).compile()` return. */
export class App {
  private closing: Promise<void> | undefined;
  private readonly sockets = new Set<Socket>();
  private socketsChangedAt = 0;
  private readonly inFlight: InFlightRequests;

  constructor(
    /** The underlying Fastify instance (plugins, hooks, `server.server`). */
    readonly server: FastifyInstance,
    private readonly kernel: Kernel,
    /** The root logger. */
    readonly logger: Logger,
  ) {
    // Once closing, every response asks the client to reconnect (to another worker): the
    // keep-alive socket then ends with that response instead of idling until keepAliveTimeout.
    server.addHook('onSend', (_request, reply, payload, done) => {
      if (this.closing) reply.header('connection', 'close');
      done(null, payload);
    });
    this.inFlight = new InFlightRequests(server);
    server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      this.socketsChangedAt = Date.now();
      socket.once('close', () => {
        this.sockets.delete(socket);
        this.socketsChangedAt = Date.now();
      });
    });
  }

  /** True once `close()` has begun. */
  get isClosing(): boolean {
    return this.closing !== undefined;
  }

  /** Open client connections (HTTP keep-alive and WebSocket). */
  get connectionCount(): number {
    return this.sockets.size;
  }

  /** A resolved provider: visible from the root module, else (unless `strict`) from any module. */
  get<T>(token: InjectionToken<T>, options: { strict?: boolean } = {}): T {
    return this.kernel.get(token, options);
  }

  /** Sends a request without a socket (light-my-request). */
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse> {
    return this.server.inject(options);
  }

  /** Listens and logs one `listening` line with every address; resolves to the first one. */
  async listen(options: { port?: number; host?: string } = {}): Promise<string> {
    const addresses: string[] = [];
    const log = this.server.log;
    // Fastify logs a line per address (each interface for 0.0.0.0): one line names them all.
    this.server.log = log.child({}, { level: 'silent' });
    try {
      await this.server.listen({
        port: options.port ?? 0,
        host: options.host ?? '127.0.0.1',
        listenTextResolver: (address) => {
          addresses.push(address);
          return address;
        },
      });
    } finally {
      this.server.log = log;
    }
    this.logger.info({ addresses }, 'listening');
    return addresses[0] ?? '';
  }

  /** The port the server listens on (after `listen`). */
  get port(): number {
    const address = this.server.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /**
   * Closes once, in order: readiness turns 503, the server stops accepting connections and
   * responses start saying `Connection: close`; `beforeApplicationShutdown` (WebSockets close
   * with 1001); open connections drain for up to `drainMs`; in-flight requests finish (those past
   * `inFlightMs` get a 503); `onModuleDestroy`; `onApplicationShutdown` (bus, Redis and database
   * close last); a `shutdown complete` line with the duration.
   */
  close(signal?: string, options: CloseOptions = {}): Promise<void> {
    this.closing ??= this.shutdown(signal, options);
    return this.closing;
  }

  private async shutdown(signal: string | undefined, options: CloseOptions): Promise<void> {
    const started = Date.now();
    this.kernel.get(ShutdownState).begin();
    const closeIdle = stopAccepting(this.server.server);
    const deadline = this.cutAfter(options.inFlightMs);
    try {
      await this.kernel.shutdownHook('beforeApplicationShutdown', signal);
      await this.drain(options.drainMs ?? 0);
      closeIdle();
      // Fastify's close waits for in-flight requests on Node only; Bun's server is closed by now.
      while (this.inFlight.pending > 0) await sleep(DRAIN_POLL_MS);
      await this.server.close();
    } catch (error) {
      this.logger.error({ err: error }, 'closing the HTTP server failed');
    } finally {
      clearTimeout(deadline);
    }
    await this.kernel.shutdownHook('onModuleDestroy', signal);
    await this.kernel.shutdownHook('onApplicationShutdown', signal);
    this.logger.info({ signal, durationMs: Date.now() - started }, 'shutdown complete');
  }

  private cutAfter(inFlightMs: number | undefined): NodeJS.Timeout | undefined {
    if (inFlightMs === undefined) return undefined;
    const timer = setTimeout(() => {
      const cut = this.inFlight.cut();
      if (cut > 0) this.logger.warn({ cut, inFlightMs }, 'in-flight requests cut at the deadline');
    }, inFlightMs);
    timer.unref();
    return timer;
  }

  // Closing a keep-alive socket races a request the client may be sending on it right then;
  // waiting lets active clients leave after a `Connection: close` response instead.
  private async drain(drainMs: number): Promise<void> {
    if (drainMs <= 0) return;
    const started = Date.now();
    const open = this.sockets.size;
    while (!this.drained() && Date.now() - started < drainMs) await sleep(DRAIN_POLL_MS);
    const left = this.sockets.size;
    if (open > 0 || left > 0) {
      this.logger.info({ open, left, ms: Date.now() - started }, 'connections drained');
    }
  }

  private drained(): boolean {
    return this.sockets.size === 0 && Date.now() - this.socketsChangedAt >= DRAIN_QUIET_MS;
  }
}
