/** `@Gateway(path, options?)`: marks a provider as a WebSocket gateway served at `path`. */
import { Injectable } from '../di/injectable.decorator.js';
import { badGatewayPath } from './ws-kernel-errors.js';
import { GATEWAY_KEY } from './ws-metadata-keys.js';

/** Per-gateway settings. */
export interface GatewayOptions {
  /** Name used in logs (default: the class name). */
  name?: string;
}

/** What `@Gateway` stores on the class. */
export interface GatewayMetadata {
  /** The route path of the WebSocket endpoint, e.g. `/ws` (the HTTP prefix does not apply). */
  path: string;
  options: GatewayOptions;
}

/**
 * Serves the class's `@Subscribe` handlers on a WebSocket route. List the gateway in a module's
 * `providers` like any service; it is injectable and may inject ports and services.
 */
export function Gateway(path = '/ws', options: GatewayOptions = {}): ClassDecorator {
  if (!path.startsWith('/')) {
    throw badGatewayPath(path);
  }
  return (target) => {
    Injectable()(target);
    Reflect.defineMetadata(GATEWAY_KEY, { path, options } satisfies GatewayMetadata, target);
  };
}
