import { describe, expect, it } from 'vitest';
import { createTestingModule, Inject, Injectable, Module } from '#core';

const CLOCK_NOW = Symbol('Now');

@Injectable()
class Repo {
  find(): string {
    return 'real';
  }
}

@Injectable()
class Service {
  constructor(
    readonly repo: Repo,
    @Inject(CLOCK_NOW) readonly now: number,
  ) {}
}

@Module({ providers: [Repo, { provide: CLOCK_NOW, useValue: 1 }], exports: [Repo, CLOCK_NOW] })
class DataModule {}

@Module({ imports: [DataModule], providers: [Service], exports: [Service] })
class FeatureModule {}

describe('createTestingModule', () => {
  it('overrides a provider inside a nested imported module', async () => {
    const app = await createTestingModule({ imports: [FeatureModule] })
      .overrideProvider(Repo)
      .useValue({ find: () => 'fake' })
      .overrideProvider(CLOCK_NOW)
      .useFactory({ factory: () => 99 })
      .compile();
    expect(app.get(Service).repo.find()).toBe('fake');
    expect(app.get(Service).now).toBe(99);
    await app.close();
  });

  it('useClass swaps in a class constructed with DI', async () => {
    @Injectable()
    class FakeRepo {
      find(): string {
        return 'fake-class';
      }
    }
    const app = await createTestingModule({ imports: [FeatureModule] })
      .overrideProvider(Repo)
      .useClass(FakeRepo)
      .compile();
    expect(app.get(Service).repo.find()).toBe('fake-class');
    await app.close();
  });

  it('without overrides builds the real graph', async () => {
    const app = await createTestingModule({ imports: [FeatureModule] }).compile();
    expect(app.get(Service).repo.find()).toBe('real');
    await app.close();
  });
});
