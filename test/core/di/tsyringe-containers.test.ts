/** Each module's tsyringe child container holds what the module sees and builds its classes. */
import { inject, injectable } from 'tsyringe';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type App,
  createTestingModule,
  createToken,
  Global,
  Inject,
  Injectable,
  Module,
  ModuleRef,
} from '#core';

const GREETING = createToken<string>('Greeting');
const REGION = createToken<string>('Region');

@Injectable()
class Clock {
  now() {
    return 42;
  }
}

/** A class written with tsyringe's own decorators only. */
@injectable()
class Greeter {
  constructor(
    @inject(GREETING) readonly greeting: string,
    readonly clock: Clock,
  ) {}
}

/** Never listed as a provider: built on demand from the module's container. */
@injectable()
class Report {
  constructor(
    readonly greeter: Greeter,
    @inject(REGION) readonly region: string,
  ) {}
}

@Injectable()
class Hidden {}

@Injectable()
class Shared {}

@Module({ providers: [Hidden, Shared], exports: [Shared] })
class LibraryModule {}

@Global()
@Module({ providers: [{ provide: REGION, useValue: 'eu' }], exports: [REGION] })
class RegionModule {}

@Injectable()
class Inspector {
  constructor(readonly moduleRef: ModuleRef) {}
}

@Module({
  imports: [LibraryModule],
  providers: [Clock, Greeter, Inspector, { provide: GREETING, useValue: 'hello' }],
  exports: [Inspector],
})
class FeatureModule {}

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const build = () => createTestingModule({ imports: [RegionModule, FeatureModule] });

describe('tsyringe containers per module', () => {
  it("builds a provider written with tsyringe's @injectable and @inject", async () => {
    app = await build().compile();
    const greeter = app.get(Greeter);
    expect(greeter.greeting).toBe('hello');
    expect(greeter.clock).toBe(app.get(Clock));
  });

  it("lets container.resolve on the module's container build a class with visible dependencies", async () => {
    app = await build().compile();
    const { container } = app.get(Inspector).moduleRef;
    const report = container.resolve(Report);
    expect(report.greeter).toBe(app.get(Greeter));
    expect(report.region).toBe('eu');
  });

  it('holds exactly what the module sees: own providers, imported exports, global exports', async () => {
    app = await build().compile();
    const { container, moduleName } = app.get(Inspector).moduleRef;
    expect(moduleName).toBe('FeatureModule');
    expect(container.isRegistered(Clock)).toBe(true);
    expect(container.isRegistered(Shared)).toBe(true);
    expect(container.isRegistered(REGION)).toBe(true);
    expect(container.isRegistered(Hidden, true)).toBe(false);
    expect(() => app!.get(Inspector).moduleRef.get(Hidden)).toThrow(
      expect.objectContaining({ code: 'KEEL_DI_UNKNOWN_TOKEN' }),
    );
  });

  it('puts testing overrides into the same containers', async () => {
    app = await build().overrideProvider(GREETING).useValue('hola').compile();
    const { container } = app.get(Inspector).moduleRef;
    expect(container.resolve(GREETING)).toBe('hola');
    expect(app.get(Greeter).greeting).toBe('hola');
  });

  it('checks visibility before tsyringe constructs anything', async () => {
    @injectable()
    class NeedsHidden {
      constructor(readonly hidden: Hidden) {}
    }
    @Module({ imports: [LibraryModule], providers: [NeedsHidden] })
    class Leaky {}
    await expect(createTestingModule({ imports: [Leaky] }).compile()).rejects.toMatchObject({
      code: 'KEEL_DI_MISSING_PROVIDER',
      message: expect.stringContaining('needs Hidden, which is not visible in Leaky'),
    });
  });

  it('app.get never builds a class that no module provides', async () => {
    app = await build().compile();
    class Stray {}
    expect(() => app!.get(Stray)).toThrow(
      expect.objectContaining({ code: 'KEEL_DI_UNKNOWN_TOKEN' }),
    );
  });

  it('injects a forwardRef and an @Inject token through the container', async () => {
    @Injectable()
    class UsesToken {
      constructor(@Inject(GREETING) readonly greeting: string) {}
    }
    @Module({ providers: [UsesToken, { provide: GREETING, useValue: 'oi' }] })
    class TokenModule {}
    app = await createTestingModule({ imports: [TokenModule] }).compile();
    expect(app.get(UsesToken).greeting).toBe('oi');
  });
});
