/** Serves every `@Gateway` on Fastify: upgrade checks, connections, heartbeat and shutdown. */
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { BeforeApplicationShutdown, ConfiguresServer, GatewayMetadata } from '#core';
import {
  AUTHENTICATOR,
  type Authenticator,
  DiscoveryService,
  GATEWAY_KEY,
  I18n,
  Inject,
  Injectable,
  LOGGER,
  type Logger,
  Optional,
  selectSubprotocol,
  WS_UPGRADE_GUARD,
} from '#core';
import { duplicateGatewayPath } from '#core/internal';
import { compileGateway } from './compile-gateway.js';
import type { GatewayDispatcher } from './gateway-dispatcher.js';
import { GatewayGuardResolver } from './gateway-guard-resolver.js';
import { WsAuthRefresh } from './ws-auth-refresh.js';
import { WsConnection } from './ws-connection.js';
import { WsConnectionRegistry } from './ws-connection-registry.js';
import { WsHeartbeat } from './ws-heartbeat.js';
import { type ResolvedWsOptions, WS_MODULE_OPTIONS } from './ws-module-options.js';
import { WsOriginPolicy } from './ws-origin-policy.js';
import { WsUpgradeGate } from './ws-upgrade-gate.js';

/** Frames a connection may have waiting behind a slow handler before it is closed (1008). */
const MAX_PENDING_FRAMES = 256;

/** Registers @fastify/websocket and one route per gateway path; closes everything on shutdown. */
@Injectable()
export class WsGatewayHost implements ConfiguresServer, BeforeApplicationShutdown {
  private readonly heartbeat: WsHeartbeat;
  private gate: WsUpgradeGate | undefined;

  constructor(
    private readonly registry: WsConnectionRegistry,
    private readonly discovery: DiscoveryService,
    @Inject(WS_MODULE_OPTIONS) private readonly options: ResolvedWsOptions,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly i18n: I18n,
    @Optional() @Inject(AUTHENTICATOR) private readonly authenticator?: Authenticator,
  ) {
    this.heartbeat = new WsHeartbeat(registry, options.heartbeatMs);
  }

  async configureServer(server: FastifyInstance): Promise<void> {
    await server.register(fastifyWebsocket, {
      // A token offered as `bearer, <token>` is never echoed as the chosen subprotocol.
      options: { maxPayload: this.options.maxPayload, handleProtocols: selectSubprotocol },
      // ws closes the socket itself on protocol errors (1009 for a too large frame); terminating
      // here as the default handler does would drop that close frame.
      errorHandler: (error) => this.logger.debug({ err: error }, 'WebSocket protocol error'),
    });
    const gate = new WsUpgradeGate(
      new WsOriginPolicy(this.options.origins),
      this.discovery.getMultiProviders(WS_UPGRADE_GUARD),
      this.i18n,
    );
    this.gate = gate;
    const guards = new GatewayGuardResolver(this.discovery);
    const refresh = this.authenticator && new WsAuthRefresh(this.authenticator);
    const paths = new Map<string, string>();
    for (const found of this.discovery.getProvidersWithMetadata<GatewayMetadata>(GATEWAY_KEY)) {
      const { metatype, metadata } = found;
      if (!metatype) continue;
      const taken = paths.get(metadata.path);
      if (taken) {
        throw duplicateGatewayPath(taken, metatype.name, metadata.path);
      }
      paths.set(metadata.path, metatype.name);
      const dispatcher = compileGateway(
        { ...found, metatype },
        { guards, logger: this.logger, ...(refresh ? { refresh } : {}) },
      );
      server.route({
        method: 'GET',
        url: metadata.path,
        websocket: true,
        onRequest: gate.checkOrigin,
        preValidation: gate.guardsFor(metatype),
        handler: (socket, request) => this.accept(socket, request, dispatcher),
      });
    }
    this.heartbeat.start();
  }

  /** Stops accepting, closes every connection with 1001 and waits (bounded) for the closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.gate?.shut();
    this.heartbeat.stop();
    const connections = this.registry.all();
    for (const connection of connections) connection.close(1001, 'server shutting down');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.closeTimeoutMs);
    });
    await Promise.race([Promise.all(connections.map((c) => c.closed)), timeout]);
    clearTimeout(timer);
    for (const connection of connections) connection.terminate();
  }

  private accept(socket: WebSocket, request: FastifyRequest, dispatcher: GatewayDispatcher): void {
    const admitted = this.gate?.admission(request);
    if (!admitted || !this.gate?.isOpen) {
      socket.close(admitted ? 1001 : 1008, admitted ? 'server shutting down' : 'not admitted');
      return;
    }
    const connection = new WsConnection({
      socket,
      rooms: this.registry,
      context: admitted.context,
      data: admitted.handshake.data,
    });
    this.registry.add(connection);
    connection.expireWithPrincipal();
    const opened = dispatcher.open(connection, admitted.handshake);
    let queue = opened;
    let pending = 0;
    socket.on('message', (raw) => {
      if (++pending > MAX_PENDING_FRAMES) return connection.close(1008, 'too many pending frames');
      queue = queue.then(async (ok) => {
        try {
          if (ok) await dispatcher.frame(connection, raw);
        } finally {
          pending--;
        }
        return ok;
      });
    });
    void connection.closed.then(async () => {
      this.registry.remove(connection);
      if (await opened) await dispatcher.closed(connection);
    });
  }
}
