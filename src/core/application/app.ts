/** The running application: the Fastify server plus the resolved module graph. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import type { InjectionToken } from '../di/injection-token.js';
import type { Kernel } from '../di/kernel.js';

/** What `createApp` and `createTestingModule(...).compile()` return. */
export class App {
  private closing: Promise<void> | undefined;

  constructor(
    /** The underlying Fastify instance (plugins, hooks, `server.server`). */
    readonly server: FastifyInstance,
    private readonly kernel: Kernel,
    /** The root logger. */
    readonly logger: Logger,
  ) {}

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
   * Closes once, in order: `beforeApplicationShutdown`, stop accepting and finish in-flight
   * requests, `onModuleDestroy`, `onApplicationShutdown` (connections close last).
   */
  close(signal?: string): Promise<void> {
    this.closing ??= this.shutdown(signal);
    return this.closing;
  }

  private async shutdown(signal?: string): Promise<void> {
    await this.kernel.shutdownHook('beforeApplicationShutdown', signal);
    try {
      await this.server.close();
    } catch (error) {
      this.logger.error({ err: error }, 'closing the HTTP server failed');
    }
    await this.kernel.shutdownHook('onModuleDestroy', signal);
    await this.kernel.shutdownHook('onApplicationShutdown', signal);
  }
}
