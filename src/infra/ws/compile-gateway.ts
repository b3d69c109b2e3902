/** Turns a discovered `@Gateway` provider into a dispatcher with resolved guards and schemas. */
import type { Logger } from 'pino';
import type { Type } from '#core';
import { subscriptionsOf } from '#core';
import { gatewayArgsOf, handlerNotAMethod } from '#core/internal';
import { type CompiledHandler, dataEnvelope, GatewayDispatcher } from './gateway-dispatcher.js';
import type { GatewayGuardResolver } from './gateway-guard-resolver.js';
import type { WsAuthRefresh } from './ws-auth-refresh.js';

/** A gateway as DiscoveryService found it. */
export interface DiscoveredGateway {
  instance: unknown;
  metatype: Type;
  moduleName: string;
}

/** What every gateway is compiled with. */
export interface GatewayCompileOptions {
  guards: GatewayGuardResolver;
  logger: Logger;
  /** Serves `auth.refresh` frames (when the app has an AUTHENTICATOR). */
  refresh?: WsAuthRefresh;
}

/** Builds the dispatcher of one gateway; a `@Subscribe` on a non-method is a boot error. */
export function compileGateway(
  gateway: DiscoveredGateway,
  { guards, logger, refresh }: GatewayCompileOptions,
): GatewayDispatcher {
  const instance = gateway.instance as Record<string, unknown>;
  const handlers = new Map<string, CompiledHandler>();
  for (const sub of subscriptionsOf(gateway.metatype)) {
    const method = instance[sub.methodName];
    if (typeof method !== 'function') {
      throw handlerNotAMethod(gateway.metatype.name, sub.methodName, sub.event);
    }
    const envelope = dataEnvelope(sub.schema);
    const args = gatewayArgsOf(gateway.metatype, sub.methodName);
    handlers.set(sub.event, {
      method: method as CompiledHandler['method'],
      guards: guards.guardsFor(gateway, sub.methodName),
      ...(envelope ? { envelope } : {}),
      ...(args ? { args } : {}),
    });
  }
  return new GatewayDispatcher({
    instance: instance as object,
    metatype: gateway.metatype,
    handlers,
    logger,
    ...(refresh ? { refresh } : {}),
  });
}
