/** `WsModule.forRoot({ origins, maxPayload?, heartbeatMs? })`: WebSocket gateways and WS_SERVER. */

import type { DynamicModule } from '#core';
import { Module, WS_SERVER } from '#core';
import { BusWsServer } from './bus-ws-server.js';
import { WsConnectionRegistry } from './ws-connection-registry.js';
import { WsGatewayHost } from './ws-gateway-host.js';
import { resolveWsOptions, WS_MODULE_OPTIONS, type WsModuleOptions } from './ws-module-options.js';

/**
 * Global: serves every `@Gateway` of the app and provides `WS_SERVER`. Emits fan out through
 * `MESSAGE_BUS` when a bus module is imported (Redis reaches every process), else stay local.
 */
@Module({})
export class WsModule {
  /** Configures the WebSocket server; `origins` is the browser allow-list (`'*'` for any). */
  static forRoot(options: WsModuleOptions): DynamicModule {
    return {
      module: WsModule,
      global: true,
      providers: [
        { provide: WS_MODULE_OPTIONS, useValue: resolveWsOptions(options) },
        WsConnectionRegistry,
        { provide: WS_SERVER, useClass: BusWsServer },
        WsGatewayHost,
      ],
      exports: [WS_SERVER],
    };
  }
}
