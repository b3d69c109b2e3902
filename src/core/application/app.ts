/** The running application: the Fastify server plus the resolved module graph. */
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import type { InjectionToken } from '../di/injection-token.js';
import type { Kernel } from '../di/kernel.js';

/** How `App.close` lets clients go. */
export interface CloseOptions {
  /**
   * How long open connections may keep sending before the server stops listening and closes
   * the idle ones (default 0: at once). Each response meanwhile says `Connection: close`, so a
   * busy keep-alive client moves to another worker after its next request instead of racing a
   * close; `enableShutdownSignals` sets it.
   */
  drainMs?: number;
}

const DRAIN_POLL_MS = 20;
// A client that just got `Connection: close` reconnects at once, maybe to this listener; Bun
// reports a connection only with its first request, so the drain waits until none came for a while.
const DRAIN_QUIET_MS = 150;

/** What `createApp` and `createTestingModule(...).compile()` return. */
export class App {
  private closing: Promise<void> | undefined;
  private readonly sockets = new Set<Socket>();
  private socketsChangedAt = 0;

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

  /** Listens; resolves to the address (`http://127.0.0.1:PORT`). */
  listen(options: { port?: number; host?: string } = {}): Promise<string> {
    return this.server.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  }

  /** The port the server listens on (after `listen`). */
  get port(): number {
    const address = this.server.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /**
   * Closes once, in order: responses start saying `Connection: close`;
   * `beforeApplicationShutdown` (WebSockets close with 1001); open connections drain for up to
   * `drainMs`; the server stops accepting, closes idle sockets and finishes in-flight requests;
   * `onModuleDestroy`; `onApplicationShutdown` (bus, Redis and database close last).
   */
  close(signal?: string, options: CloseOptions = {}): Promise<void> {
    this.closing ??= this.shutdown(signal, options.drainMs ?? 0);
    return this.closing;
  }

  private async shutdown(signal: string | undefined, drainMs: number): Promise<void> {
    await this.kernel.shutdownHook('beforeApplicationShutdown', signal);
    await this.drain(drainMs);
    try {
      await this.server.close();
    } catch (error) {
      this.logger.error({ err: error }, 'closing the HTTP server failed');
    }
    await this.kernel.shutdownHook('onModuleDestroy', signal);
    await this.kernel.shutdownHook('onApplicationShutdown', signal);
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
