/** Public surface of the message bus: the module (application code injects `MESSAGE_BUS`). */
export { BusModule, type BusModuleOptions } from './bus.module.js';
export { OnEventExplorer } from './on-event.explorer.js';
