/** `createTestingModule({...}).overrideProvider(X).useValue(v).compile()`: the real app, with swaps. */
import type { App } from '../application/app.js';
import type { AppOptions } from '../application/app-options.js';
import { createApp } from '../application/create-app.js';
import type { Principal } from '../auth/principal.js';
import type { InjectionToken, Type } from '../di/injection-token.js';
import { Module } from '../di/module.decorator.js';
import type { ModuleMetadata } from '../di/module-metadata.js';
import type { FactoryDependency } from '../di/provider.js';
import type { Override } from '../di/provider-normalizer.js';
import { AUTHENTICATOR, type Authenticator } from '../ports/authenticator.port.js';

/** How to replace one token. */
export interface OverrideBy<B> {
  useValue(value: unknown): B;
  useClass(cls: Type): B;
  useFactory(options: {
    factory: (...args: never[]) => unknown;
    inject?: readonly FactoryDependency[];
  }): B;
}

/** Collects overrides, then builds the app with the same pipeline as production. */
export class TestingModuleBuilder {
  private readonly overrides = new Map<InjectionToken, Override>();

  constructor(private readonly metadata: ModuleMetadata) {}

  /** Replaces `token` wherever it is provided, including inside imported modules. */
  overrideProvider(token: InjectionToken): OverrideBy<TestingModuleBuilder> {
    return {
      useValue: (value) => this.set(token, { useValue: value }),
      useClass: (cls) => this.set(token, { useClass: cls }),
      useFactory: ({ factory, inject }) =>
        this.set(token, { useFactory: factory, inject: inject as InjectionToken[] }),
    };
  }

  /** Replaces a guard class (used in `@UseGuards` or as a provider). */
  overrideGuard(guard: Type): OverrideBy<TestingModuleBuilder> {
    return this.overrideProvider(guard);
  }

  /** Replaces an interceptor class. */
  overrideInterceptor(interceptor: Type): OverrideBy<TestingModuleBuilder> {
    return this.overrideProvider(interceptor);
  }

  /** Replaces an exception filter class. */
  overrideFilter(filter: Type): OverrideBy<TestingModuleBuilder> {
    return this.overrideProvider(filter);
  }

  /**
   * Every request is made by `principal` (roles and scopes default to none), token or not: the
   * app's `AUTHENTICATOR` is replaced, so guards, `@Roles` and `@CurrentUser()` see it.
   */
  withPrincipal(principal: Partial<Principal> & { sub: string }): TestingModuleBuilder {
    const fixed: Principal = Object.freeze({ roles: [], scopes: [], ...principal });
    const authenticator: Authenticator = { authenticate: async () => fixed };
    return this.overrideProvider(AUTHENTICATOR).useValue(authenticator);
  }

  /** Builds the app (logger silent unless given). */
  async compile(options: AppOptions = {}): Promise<App> {
    @Module(this.metadata)
    class TestingModule {}
    return createApp(TestingModule, { logger: false, ...options, overrides: this.overrides });
  }

  private set(token: InjectionToken, override: Override): TestingModuleBuilder {
    this.overrides.set(token, override);
    return this;
  }
}

/** Starts a testing module from the same metadata a `@Module` takes. */
export function createTestingModule(metadata: ModuleMetadata): TestingModuleBuilder {
  return new TestingModuleBuilder(metadata);
}
