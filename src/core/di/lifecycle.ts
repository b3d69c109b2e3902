/** Lifecycle hook interfaces, called by the kernel in dependency order (shutdown in reverse). */

/** Called once after every provider is constructed; awaited; open connections here. */
export interface OnModuleInit {
  onModuleInit(): void | Promise<void>;
}

/** Called after every `onModuleInit` resolved and the routes are compiled. */
export interface OnApplicationBootstrap {
  onApplicationBootstrap(): void | Promise<void>;
}

/** Called first on close, before the server stops accepting. */
export interface BeforeApplicationShutdown {
  beforeApplicationShutdown(signal?: string): void | Promise<void>;
}

/** Called after the server stopped and in-flight requests finished. */
export interface OnModuleDestroy {
  onModuleDestroy(): void | Promise<void>;
}

/** Called last; close connections here. */
export interface OnApplicationShutdown {
  onApplicationShutdown(signal?: string): void | Promise<void>;
}
