/** `createApp(RootModule, options)`: resolves every provider, compiles every route, returns an App. */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { InjectionToken, Type } from '../di/injection-token.js';
import { Kernel } from '../di/kernel.js';
import { MODULE_CATALOGS } from '../di/module-catalogs.js';
import type { ModuleImport } from '../di/module-metadata.js';
import type { ModuleRecord } from '../di/module-record.js';
import type { Provider } from '../di/provider.js';
import { compileFilterChain } from '../http/compiler/filter-chain.js';
import {
  type CompileOptions,
  type ControllerTarget,
  compileController,
  type RouteEnhancers,
} from '../http/compiler/route-compiler.js';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '../http/enhancers/enhancer-tokens.js';
import { Reflector } from '../http/enhancers/reflector.js';
import type { EnhancerRef } from '../http/enhancers/use-enhancers.decorators.js';
import { FILTERS, GUARDS, INTERCEPTORS } from '../http/metadata-keys.js';
import type { RouteDefinition } from '../http/route-options.js';
import { installNotFoundHandler } from '../http/server/index.js';
import { I18n, KERNEL_CATALOGS, type MessageCatalog } from '../i18n/index.js';
import { CLOCK, systemClock } from '../ports/clock.port.js';
import { LOGGER } from '../ports/logger.port.js';
import { App } from './app.js';
import { type AppOptions, HTTP_OPTIONS, type HttpOptions } from './app-options.js';
import { createServer } from './http-setup.js';
import { makeLogger } from './logger-factory.js';
import { configuresServer } from './server-configurer.js';
import { ShutdownState } from './shutdown-state.js';

/** Builds the app: providers resolved, `onModuleInit` run, routes compiled, `onApplicationBootstrap` run. */
export async function createApp(root: ModuleImport, options: AppOptions = {}): Promise<App> {
  const logger = makeLogger(options.logger);
  const kernel = await Kernel.create(root, {
    logger,
    hookTimeoutMs: options.hookTimeoutMs ?? 10_000,
    overrides: options.overrides as ReadonlyMap<InjectionToken, never> | undefined,
    globalProviders: [
      { provide: LOGGER, useValue: logger },
      { provide: CLOCK, useValue: systemClock },
      Reflector,
      { provide: ShutdownState, useValue: new ShutdownState() },
      i18nProvider(logger, options),
    ],
  });
  const http = httpOptions(kernel, options.http);
  const i18n = kernel.get(I18n);
  const server = await createServer(logger, http, i18n);
  const app = new App(server, kernel, logger);
  try {
    await kernel.init();
    for (const { instance } of kernel.discovery.getProviders()) {
      if (configuresServer(instance)) await instance.configureServer(server);
    }
    await compileRoutes(kernel, server, {
      prefix: http.prefix ?? '',
      i18n,
      production: http.production ?? false,
    });
    await server.ready();
    await kernel.bootstrap();
  } catch (error) {
    await app.close('boot-failure').catch(() => undefined);
    throw error;
  }
  return app;
}

// The app's own translator: the kernel's catalogs and its modules', in its default language.
function i18nProvider(logger: Logger, options: AppOptions): Provider {
  return {
    provide: I18n,
    useFactory: (catalogs: readonly MessageCatalog[], http: HttpOptions | undefined) =>
      new I18n({
        catalogs: [...KERNEL_CATALOGS, ...catalogs],
        defaultLang: options.http?.defaultLang ?? http?.defaultLang,
        onMissingKey: (key) => logger.warn({ key }, 'missing message key'),
      }),
    inject: [MODULE_CATALOGS, { token: HTTP_OPTIONS, optional: true }],
  };
}

function httpOptions(kernel: Kernel, overrides: HttpOptions | undefined): HttpOptions {
  // No module has to provide HTTP_OPTIONS: the defaults apply then.
  const provided = kernel.graph.lookup(kernel.graph.root, HTTP_OPTIONS)?.instance as
    | HttpOptions
    | undefined;
  return { ...provided, ...overrides };
}

async function compileRoutes(
  kernel: Kernel,
  server: FastifyInstance,
  options: CompileOptions & { i18n: I18n; production: boolean },
): Promise<void> {
  const global = {
    guards: kernel.discovery.getMultiProviders(APP_GUARD),
    interceptors: kernel.discovery.getMultiProviders(APP_INTERCEPTOR),
    filters: kernel.discovery.getMultiProviders(APP_FILTER),
  };
  // 404s have no route, so only the app-wide filters see them.
  const notFoundFilters = compileFilterChain({
    filters: global.filters,
    metatype: Object as unknown as Type,
    handler: () => undefined,
    defaultLang: options.i18n.defaultLang,
  });
  installNotFoundHandler(server, {
    production: options.production,
    i18n: options.i18n,
    filters: notFoundFilters,
  });
  for (const module of kernel.graph.modules) {
    for (const record of module.controllers) {
      const metatype = (record.instance as object).constructor as Type;
      const target: ControllerTarget = {
        instance: record.instance as Record<string, unknown>,
        metatype,
        enhancersFor: (route) => routeEnhancers(kernel, module, metatype, route, global),
      };
      await compileController(server, target, options);
    }
  }
}

async function routeEnhancers(
  kernel: Kernel,
  module: ModuleRecord,
  metatype: Type,
  route: RouteDefinition,
  global: RouteEnhancers,
): Promise<RouteEnhancers> {
  const resolve = <T>(key: symbol) =>
    resolveRefs<T>(kernel, module, metatype, route.handlerName, key);
  const [classGuards, methodGuards] = await resolve<never>(GUARDS);
  const [classInterceptors, methodInterceptors] = await resolve<never>(INTERCEPTORS);
  const [classFilters, methodFilters] = await resolve<never>(FILTERS);
  return {
    guards: [...global.guards, ...classGuards, ...methodGuards],
    interceptors: [...global.interceptors, ...classInterceptors, ...methodInterceptors],
    filters: [...methodFilters, ...classFilters, ...global.filters],
  };
}

async function resolveRefs<T>(
  kernel: Kernel,
  module: ModuleRecord,
  metatype: Type,
  method: string,
  key: symbol,
): Promise<[T[], T[]]> {
  const classRefs = (Reflect.getMetadata(key, metatype) as EnhancerRef<T>[] | undefined) ?? [];
  const methodRefs =
    (Reflect.getMetadata(key, metatype.prototype, method) as EnhancerRef<T>[] | undefined) ?? [];
  const resolveOne = (ref: EnhancerRef<T>) =>
    typeof ref === 'function'
      ? kernel.injector.resolveEnhancer(ref as Type<T>, module)
      : Promise.resolve(ref);
  return [
    await Promise.all(classRefs.map(resolveOne)),
    await Promise.all(methodRefs.map(resolveOne)),
  ];
}
