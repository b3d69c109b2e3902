import { describe, expect, it } from 'vitest';
import { createApp, Global, Inject, Injectable, Module } from '#core';

@Injectable()
class Engine {
  readonly kind = 'v8';
}

@Injectable()
class Car {
  constructor(readonly engine: Engine) {}
}

const WHEELS = Symbol('Wheels');

describe('module visibility', () => {
  it('resolves a provider from its own module', async () => {
    @Module({ providers: [Engine, Car] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    expect(app.get(Car).engine).toBeInstanceOf(Engine);
    expect(app.get(Car).engine).toBe(app.get(Engine));
    await app.close();
  });

  it('sees the exports of an imported module, as one singleton', async () => {
    @Module({ providers: [Engine], exports: [Engine] })
    class EngineModule {}
    @Module({ imports: [EngineModule], providers: [Car] })
    class CarModule {}
    @Module({ imports: [CarModule, EngineModule] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    expect(app.get(Car).engine).toBe(app.get(Engine));
    await app.close();
  });

  it('sees the exports of a global module without importing it', async () => {
    @Global()
    @Module({ providers: [Engine], exports: [Engine] })
    class EngineModule {}
    @Module({ providers: [Car] })
    class CarModule {}
    @Module({ imports: [EngineModule, CarModule] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    expect(app.get(Car).engine.kind).toBe('v8');
    await app.close();
  });

  it('sees what an imported module re-exports (a whole module or one token)', async () => {
    @Module({ providers: [Engine, { provide: WHEELS, useValue: 4 }], exports: [Engine, WHEELS] })
    class PartsModule {}
    @Module({ imports: [PartsModule], exports: [PartsModule] })
    class WholeReexport {}
    @Module({ imports: [PartsModule], exports: [WHEELS] })
    class TokenReexport {}
    @Injectable()
    class Garage {
      constructor(
        readonly engine: Engine,
        @Inject(WHEELS) readonly wheels: number,
      ) {}
    }
    @Module({ imports: [WholeReexport, TokenReexport], providers: [Garage] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    expect(app.get(Garage).wheels).toBe(4);
    expect(app.get(Garage).engine).toBeInstanceOf(Engine);
    await app.close();
  });

  it('refuses a provider that is provided elsewhere but not exported', async () => {
    @Module({ providers: [Engine] })
    class EngineModule {}
    @Module({ imports: [EngineModule], providers: [Car] })
    class AppModule {}
    await expect(createApp(AppModule, { logger: false })).rejects.toThrow(
      /Cannot resolve Car in AppModule: constructor parameter #1 \(index 0\) needs Engine, which is not visible in AppModule\.\n {2}Fix: EngineModule provides Engine but does not export it: add Engine to the exports of EngineModule, then import EngineModule into AppModule\./,
    );
  });

  it('never constructs a class that no module provides', async () => {
    @Module({ providers: [Car] })
    class AppModule {}
    await expect(createApp(AppModule, { logger: false })).rejects.toThrow(
      'Fix: add Engine to the providers of AppModule, or import a module that provides and exports it.',
    );
  });

  it('app.get with strict only looks at what the root module sees', async () => {
    @Module({ providers: [Engine] })
    class HiddenModule {}
    @Module({ imports: [HiddenModule] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    expect(app.get(Engine)).toBeInstanceOf(Engine);
    expect(() => app.get(Engine, { strict: true })).toThrow(
      /app.get\(Engine\): no provider visible from AppModule/,
    );
    await app.close();
  });
});
