/** Public surface of the WebSocket infrastructure: the module and its options. */
export { WsModule } from './ws.module.js';
export type { WsModuleOptions } from './ws-module-options.js';
