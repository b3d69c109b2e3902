/** The DI kernel: scans modules, resolves every provider at boot, runs lifecycle hooks. */
import type { Logger } from 'pino';
import { container as rootContainer } from 'tsyringe';
import { unknownToken } from './di-messages.js';
import { type DiscoveredInstance, DiscoveryService } from './discovery.service.js';
import { Global } from './global.decorator.js';
import { runHook } from './hook-runner.js';
import { type InjectionToken, type Type, tokenName } from './injection-token.js';
import { Injector } from './injector.js';
import { Module } from './module.decorator.js';
import { MODULE_CATALOGS } from './module-catalogs.js';
import { ModuleGraph } from './module-graph.js';
import type { DynamicModule, ModuleImport } from './module-metadata.js';
import type { ModuleRecord, ProviderRecord } from './module-record.js';
import { ModuleScanner } from './module-scanner.js';
import type { Provider } from './provider.js';
import type { Override } from './provider-normalizer.js';

/** The kernel's own global module: DiscoveryService, the logger and what the app adds. */
@Global()
@Module({})
class KeelCoreModule {}

/** What the kernel needs besides the root module. */
export interface KernelOptions {
  logger: Logger;
  hookTimeoutMs: number;
  /** Testing overrides by token. */
  overrides?: ReadonlyMap<InjectionToken, Override>;
  /** Extra global providers (LOGGER, ...), all exported. */
  globalProviders?: Provider[];
}

/** A booted module graph with every provider constructed. */
export class Kernel {
  readonly discovery: DiscoveryService;

  private constructor(
    readonly graph: ModuleGraph,
    readonly injector: Injector,
    private readonly options: KernelOptions,
    discovery: DiscoveryService,
  ) {
    this.discovery = discovery;
  }

  /** Scans from `root` and constructs every provider (async factories awaited). */
  static async create(root: ModuleImport, options: KernelOptions): Promise<Kernel> {
    const records: { order: ProviderRecord[] } = { order: [] };
    const discovery = new DiscoveryService(
      () => records.order.map(describeInstance),
      (token) => records.order.filter((r) => r.token === token).map((r) => r.instance),
    );
    const scanned: { modules: readonly ModuleRecord[] } = { modules: [] };
    const globals = [
      { provide: DiscoveryService, useValue: discovery },
      // Read at resolve time, after the scan: every catalog of every module in the app.
      { provide: MODULE_CATALOGS, useFactory: () => scanned.modules.flatMap((m) => m.messages) },
      ...(options.globalProviders ?? []),
    ];
    const core: DynamicModule = {
      module: KeelCoreModule,
      global: true,
      providers: globals,
      exports: globals.map((p) => ('provide' in p ? p.provide : p)),
    };
    const scanner = new ModuleScanner(
      rootContainer.createChildContainer(),
      options.overrides ?? new Map(),
    );
    await scanner.scanCore(core);
    const { root: rootRecord, modules } = await scanner.scan(root);
    scanned.modules = modules;
    const graph = new ModuleGraph(rootRecord, modules);
    const injector = new Injector(graph, options.overrides ?? new Map());
    records.order = injector.order;
    await injector.resolveAll();
    return new Kernel(graph, injector, options, discovery);
  }

  /** The instance behind `token`: visible from the root module, else (unless strict) any module's. */
  get<T>(token: InjectionToken<T>, options: { strict?: boolean } = {}): T {
    // Through the same tsyringe containers the classes were built from; a token is looked up only
    // where it is registered, so tsyringe never silently constructs an unregistered class.
    const key = token as symbol;
    const root = this.graph.root.container;
    if (root.isRegistered(key, true)) return root.resolve(key) as T;
    const owner = options.strict
      ? undefined
      : this.graph.modules.find((module) => module.container.isRegistered(key));
    if (!owner) throw unknownToken(tokenName(token), this.graph.root.name, options.strict === true);
    return owner.container.resolve(key) as T;
  }

  /** `onModuleInit` on every instance in dependency order. */
  async init(): Promise<void> {
    await this.run('onModuleInit', [], true);
  }

  /** `onApplicationBootstrap` on every instance in dependency order. */
  async bootstrap(): Promise<void> {
    await this.run('onApplicationBootstrap', [], true);
  }

  /** Runs a shutdown hook in reverse dependency order; failures are logged, not thrown. */
  async shutdownHook(
    hook: 'beforeApplicationShutdown' | 'onModuleDestroy' | 'onApplicationShutdown',
    signal?: string,
  ): Promise<void> {
    await this.run(hook, [signal], false, true);
  }

  private async run(
    hook: string,
    args: unknown[],
    failFast: boolean,
    reverse = false,
  ): Promise<void> {
    const order = reverse ? [...this.injector.order].reverse() : this.injector.order;
    await runHook(order, hook, args, {
      timeoutMs: this.options.hookTimeoutMs,
      logger: this.options.logger,
      failFast,
    });
  }
}

function describeInstance(record: ProviderRecord): DiscoveredInstance {
  const { recipe, instance } = record;
  let metatype: Type | undefined;
  if (recipe.kind === 'class') metatype = recipe.useClass;
  else if (instance && typeof instance === 'object' && instance.constructor !== Object) {
    metatype = instance.constructor as Type;
  }
  return { token: record.token, instance, metatype, moduleName: record.host.name };
}
