/** `BusModule.forRoot({ driver })`: a global module exporting `MESSAGE_BUS` and wiring `@OnEvent`. */

import type { DynamicModule, Provider } from '#core';
import { MESSAGE_BUS, Module } from '#core';
import { unknownDriver } from '../infra-errors.js';
import { MEMORY_BUS_OPTIONS, MemoryBus } from './memory-bus.js';
import { OnEventExplorer } from './on-event.explorer.js';
import { REDIS_BUS_OPTIONS, RedisBus } from './redis-bus.js';

/**
 * What the app chooses for its bus. `redis` uses the connections of `RedisModule.forRoot({ url })`,
 * which the app imports once next to this module.
 */
export interface BusModuleOptions {
  driver: 'memory' | 'redis';
  /** The envelopes' `source`. Default `<host>:<pid>:<random>`. */
  instanceId?: string;
  /** Redis channel namespace. Default `keel:bus:`. */
  prefix?: string;
  /** Redis: publish/subscribe time bound in ms. Default 500. */
  timeoutMs?: number;
}

/** Exports `MESSAGE_BUS`; subscribes `@OnEvent` methods at boot, unsubscribes at shutdown. */
@Module({})
export class BusModule {
  /** A global bus module; application code injects `@Inject(MESSAGE_BUS)`, never an adapter. */
  static forRoot(options: BusModuleOptions): DynamicModule {
    return {
      module: BusModule,
      global: true,
      providers: [...adapterProviders(options), OnEventExplorer],
      exports: [MESSAGE_BUS],
    };
  }
}

function adapterProviders(options: BusModuleOptions): Provider[] {
  const { driver, instanceId } = options;
  if (driver === 'memory') {
    return [
      { provide: MEMORY_BUS_OPTIONS, useValue: { instanceId } },
      { provide: MESSAGE_BUS, useClass: MemoryBus },
    ];
  }
  if (driver !== 'redis') {
    throw unknownDriver('BusModule', driver, ['memory', 'redis']);
  }
  const { prefix, timeoutMs } = options;
  return [
    { provide: REDIS_BUS_OPTIONS, useValue: { instanceId, prefix, timeoutMs } },
    { provide: MESSAGE_BUS, useClass: RedisBus },
  ];
}
