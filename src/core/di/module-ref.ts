/** `ModuleRef`: the module's own tsyringe container, injected into any of its classes. */
import type { DependencyContainer } from 'tsyringe';
import { notVisibleInModule } from './di-messages.js';
import { type InjectionToken, tokenName } from './injection-token.js';

/** What a class sees of the module that declares it (inject it by type: `moduleRef: ModuleRef`). */
export class ModuleRef {
  constructor(
    /** The module's name, e.g. `UserModule`. */
    readonly moduleName: string,
    /**
     * The module's tsyringe child container: it holds exactly what the module can see (its own
     * providers, its imports' exports, global exports), so `container.resolve(SomeClass)` works
     * with tsyringe's own `@injectable()` / `@inject(token)` classes.
     */
    readonly container: DependencyContainer,
  ) {}

  /** The instance behind `token`, if the module can see it. */
  get<T>(token: InjectionToken<T>): T {
    if (!this.container.isRegistered(token as symbol, true)) {
      throw notVisibleInModule(tokenName(token), this.moduleName);
    }
    return this.container.resolve(token as symbol) as T;
  }
}
