import { describe, expect, it } from 'vitest';
import {
  createApp,
  createToken,
  DiscoveryService,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  Optional,
} from '#core';

interface Settings {
  url: string;
}
const SETTINGS = createToken<Settings>('Settings');
const CONNECTION = createToken<{ url: string; open: boolean }>('Connection');

@Injectable()
class Repo {
  constructor(@Inject(CONNECTION) readonly connection: { url: string; open: boolean }) {}
}

@Module({})
class DbModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: DbModule,
      global: true,
      providers: [
        { provide: SETTINGS, useValue: settings },
        {
          provide: CONNECTION,
          // An async factory: the kernel awaits it before anything depends on it.
          useFactory: async (s: Settings) => {
            await new Promise((resolve) => setTimeout(resolve, 5));
            return { url: s.url, open: true };
          },
          inject: [SETTINGS],
        },
      ],
      exports: [CONNECTION],
    };
  }

  static forRootAsync(options: {
    imports?: DynamicModule['imports'];
    inject: unknown[];
    useFactory: (...args: never[]) => Promise<Settings> | Settings;
  }): DynamicModule {
    return {
      module: DbModule,
      imports: options.imports ?? [],
      providers: [
        { provide: SETTINGS, useFactory: options.useFactory, inject: options.inject as never },
        {
          provide: CONNECTION,
          useFactory: (s: Settings) => ({ url: s.url, open: true }),
          inject: [SETTINGS],
        },
      ],
      exports: [CONNECTION],
    };
  }
}

describe('provider forms and dynamic modules', () => {
  it('awaits async factories and injects the resolved value, not a Promise', async () => {
    @Module({ imports: [DbModule.forRoot({ url: 'pg://a' })], providers: [Repo] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    expect(app.get(Repo).connection).toEqual({ url: 'pg://a', open: true });
    await app.close();
  });

  it('forRootAsync takes its settings from another module', async () => {
    const URL_TOKEN = createToken<string>('Url');
    @Module({
      providers: [{ provide: URL_TOKEN, useValue: 'pg://from-config' }],
      exports: [URL_TOKEN],
    })
    class ConfigModule {}
    @Module({
      imports: [
        DbModule.forRootAsync({
          imports: [ConfigModule],
          inject: [URL_TOKEN],
          useFactory: async (url: string) => ({ url }),
        }),
      ],
    })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    expect(app.get(CONNECTION).url).toBe('pg://from-config');
    await app.close();
  });

  it('useClass, useExisting (same instance) and useValue', async () => {
    abstract class Greeter {
      abstract greet(): string;
    }
    @Injectable()
    class English extends Greeter {
      greet(): string {
        return 'hello';
      }
    }
    const ALIAS = createToken<Greeter>('Alias');
    @Module({
      providers: [
        { provide: Greeter, useClass: English },
        { provide: ALIAS, useExisting: Greeter },
        { provide: 'plain', useValue: 42 } as never,
      ],
    })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    expect(app.get(Greeter).greet()).toBe('hello');
    expect(app.get(ALIAS)).toBe(app.get(Greeter));
    await app.close();
  });

  it('@Optional leaves an invisible dependency undefined', async () => {
    @Injectable()
    class Service {
      constructor(@Optional() @Inject(SETTINGS) readonly settings?: Settings) {}
    }
    @Module({ providers: [Service] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    expect(app.get(Service).settings).toBeUndefined();
    await app.close();
  });

  it('providers are singletons within their module, distinct across modules', async () => {
    @Injectable()
    class Counter {}
    @Module({ providers: [Counter] })
    class AModule {}
    @Module({ providers: [Counter] })
    class BModule {}
    @Module({ imports: [AModule, BModule] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    const counters = app
      .get(DiscoveryService)
      .getProviders()
      .filter((p) => p.token === Counter);
    expect(counters.map((c) => c.moduleName)).toEqual(['AModule', 'BModule']);
    expect(counters[0]?.instance).not.toBe(counters[1]?.instance);
    await app.close();
  });

  it('discovery lists methods carrying a decorator metadata', async () => {
    const TOPIC = Symbol('topic');
    const OnTopic =
      (topic: string): MethodDecorator =>
      (target, key) => {
        Reflect.defineMetadata(TOPIC, topic, target, key);
      };
    @Injectable()
    class Listener {
      @OnTopic('user.created')
      handle(): void {}
    }
    @Module({ providers: [Listener] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    const found = app.get(DiscoveryService).getMethodsWithMetadata<string>(TOPIC);
    expect(found.map((m) => [m.metatype.name, m.methodName, m.metadata])).toEqual([
      ['Listener', 'handle', 'user.created'],
    ]);
    await app.close();
  });
});
