/** The kernel's surface for its own adapters in src/infra (`#core/internal`); features use `#core`. */
export { buildRequestContext } from './context/install-request-context.js';
export { ON_EVENT_METADATA, type OnEventMetadata } from './events/on-event.decorator.js';
export { runGuards } from './http/compiler/enhancer-chain.js';
export type { EnhancerRef } from './http/enhancers/use-enhancers.decorators.js';
export { wsContext } from './http/execution-context.js';
export { GUARDS } from './http/metadata-keys.js';
export { errorLogFields } from './logger/error-log-fields.js';
export { type GatewayArgs, gatewayArgsOf } from './ws/gateway-params.js';
export {
  badRoom,
  badWsOptions,
  duplicateGatewayPath,
  guardNotProvided,
  handlerNotAMethod,
} from './ws/ws-kernel-errors.js';
