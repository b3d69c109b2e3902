/** Turns a discovered `@Gateway` provider into a dispatcher with resolved guards and schemas. */
import type { Logger } from 'pino';
import type { Type } from '#core';
import { subscriptionsOf } from '#core';
import { handlerNotAMethod } from '#core/internal';
import { type CompiledHandler, dataEnvelope, GatewayDispatcher } from './gateway-dispatcher.js';
import type { GatewayGuardResolver } from './gateway-guard-resolver.js';

/** A gateway as DiscoveryService found it. */
export interface DiscoveredGateway {
  instance: unknown;
  metatype: Type;
  moduleName: string;
}

/** Builds the dispatcher of one gateway; a `@Subscribe` on a non-method is a boot error. */
export function compileGateway(
  gateway: DiscoveredGateway,
  guards: GatewayGuardResolver,
  logger: Logger,
): GatewayDispatcher {
  const instance = gateway.instance as Record<string, unknown>;
  const handlers = new Map<string, CompiledHandler>();
  for (const sub of subscriptionsOf(gateway.metatype)) {
    const method = instance[sub.methodName];
    if (typeof method !== 'function') {
      throw handlerNotAMethod(gateway.metatype.name, sub.methodName, sub.event);
    }
    const envelope = dataEnvelope(sub.schema);
    handlers.set(sub.event, {
      method: method as CompiledHandler['method'],
      guards: guards.guardsFor(gateway, sub.methodName),
      ...(envelope ? { envelope } : {}),
    });
  }
  return new GatewayDispatcher({
    instance: instance as object,
    metatype: gateway.metatype,
    handlers,
    logger,
  });
}
