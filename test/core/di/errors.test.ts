import { describe, expect, it } from 'vitest';
import { createApp, type DynamicModule, forwardRef, Inject, Injectable, Module } from '#core';

const TTL = Symbol('ttl');

interface Mailer {
  send(to: string): void;
}

const boot = (root: unknown) => createApp(root as never, { logger: false });

/** The error the boot of `root` fails with (the test fails if it boots). */
async function bootError(root: unknown): Promise<Error> {
  return boot(root).then(
    () => Promise.reject(new Error('expected the boot to fail')),
    (error: Error) => error,
  );
}

/** Asserts the code, the text (substring or pattern) and the final link line of a kernel error. */
function expectKeelError(error: Error, code: string, text: string | RegExp): void {
  expect(error).toMatchObject({ code });
  if (typeof text === 'string') expect(error.message).toContain(text);
  else expect(error.message).toMatch(text);
  expect(error.message.endsWith(`\n  See: docs/errors.md#${code.toLowerCase()}`)).toBe(true);
}

@Injectable()
class Mail {}

describe('boot errors name the culprit and the fix', () => {
  it('missing provider: consumer, module, position, token, and which module to import', async () => {
    @Module({ providers: [Mail], exports: [Mail] })
    class MailModule {}
    @Injectable()
    class Signup {
      constructor(
        readonly a: Mail,
        readonly b: Mail,
      ) {}
    }
    @Module({ providers: [Signup] })
    class UserModule {}
    @Module({ imports: [MailModule, UserModule] })
    class AppModule {}
    const error = await bootError(AppModule);
    expect(error).toMatchObject({ code: 'KEEL_DI_MISSING_PROVIDER' });
    expect(error.message).toBe(
      'Cannot resolve Signup in UserModule: constructor parameter #1 (index 0) needs Mail, which is not visible in UserModule.\n  Fix: import MailModule into UserModule (it exports Mail).\n  See: docs/errors.md#keel_di_missing_provider',
    );
  });

  it('interface-typed parameter without @Inject: says to inject by token', async () => {
    @Injectable()
    class Notifier {
      constructor(readonly mailer: Mailer) {}
    }
    @Module({ providers: [Notifier] })
    class AppModule {}
    const error = await bootError(AppModule);
    expect(error).toMatchObject({ code: 'KEEL_DI_UNTYPED_PARAMETER' });
    expect(error.message).toMatch(
      /Cannot resolve Notifier in AppModule: constructor parameter #1 \(index 0\) has no runtime type \(TypeScript emitted (Object|Function)\): its type is an interface or a type alias, or a class imported with `import type`\.\n {2}Fix: inject it by token with @Inject\(TOKEN\)/,
    );
  });

  it('a parameter whose type was undefined at decoration time points to forwardRef', async () => {
    class Late {}
    class Early {
      constructor(readonly late: Late) {}
    }
    // What a circular file import leaves in the metadata.
    Reflect.defineMetadata('design:paramtypes', [undefined], Early);
    @Module({ providers: [Early, Late] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_DI_UNDEFINED_PARAMETER_TYPE',
      /the type of constructor parameter #1 \(index 0\) was undefined when the class was decorated.*\n {2}Fix: write @Inject\(forwardRef\(\(\) => TheClass\)\)/,
    );
  });

  it('provider cycle: the whole chain and the forwardRef fix', async () => {
    const A = Symbol('A');
    const B = Symbol('B');
    const C = Symbol('C');
    @Module({
      providers: [
        { provide: A, useFactory: (b: unknown) => ({ b }), inject: [B] },
        { provide: B, useFactory: (c: unknown) => ({ c }), inject: [C] },
        { provide: C, useFactory: (a: unknown) => ({ a }), inject: [A] },
      ],
    })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_DI_CYCLE',
      'Provider cycle: A -> B -> C -> A.\n  Fix: move the shared logic into a third provider, or inject one side with @Inject(forwardRef(() => A))',
    );
  });

  it('forwardRef lets two providers depend on each other', async () => {
    @Injectable()
    class Ping {
      constructor(@Inject(forwardRef(() => Pong)) private readonly pong: { name(): string }) {}
      name(): string {
        return 'ping';
      }
      other(): string {
        return this.pong.name();
      }
    }
    @Injectable()
    class Pong {
      constructor(@Inject(forwardRef(() => Ping)) private readonly ping: Ping) {}
      name(): string {
        return 'pong';
      }
      other(): string {
        return this.ping.name();
      }
    }
    @Module({ providers: [Ping, Pong] })
    class AppModule {}
    const app = await boot(AppModule);
    expect(app.get(Ping).other()).toBe('pong');
    expect(app.get(Pong).other()).toBe('ping');
    await app.close();
  });

  it('module import cycle: the whole chain and the forwardRef fix', async () => {
    const imports: unknown[] = [];
    @Module({ imports: imports as never })
    class AModule {}
    @Module({ imports: [AModule] })
    class BModule {}
    imports.push(BModule);
    @Module({ imports: [AModule] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_MODULE_CYCLE',
      'Module import cycle: AModule -> BModule -> AModule. Fix: move what both need into a third module, or write forwardRef(() => AModule) in the imports of BModule',
    );
  });

  it('a module cycle through forwardRef boots, and each side sees the other', async () => {
    @Injectable()
    class Left {}
    @Injectable()
    class Right {
      constructor(readonly left: Left) {}
    }
    @Module({ imports: [forwardRef(() => RightModule)], providers: [Left], exports: [Left] })
    class LeftModule {}
    @Module({ imports: [forwardRef(() => LeftModule)], providers: [Right], exports: [Right] })
    class RightModule {}
    @Module({ imports: [LeftModule] })
    class AppModule {}
    const app = await boot(AppModule);
    expect(app.get(Right).left).toBe(app.get(Left));
    await app.close();
  });

  it('an undefined entry in imports is named as a circular file import', async () => {
    @Module({ imports: [undefined as never] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_MODULE_UNDEFINED_IMPORT',
      'AppModule.imports[0] is undefined. This is what a circular file import leaves behind',
    );
  });

  it('a token exported but not provided', async () => {
    const TOKEN = Symbol('Secret');
    @Module({ exports: [TOKEN] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_MODULE_EXPORT_NOT_PROVIDED',
      'AppModule exports Secret but neither provides it nor imports a module that exports it. Fix: add Secret to the providers of AppModule, or import the module that exports it.',
    );
  });

  it('a module registered twice with different configurations', async () => {
    @Module({})
    class CacheModule {
      static forRoot(ttl: number): DynamicModule {
        return { module: CacheModule, providers: [{ provide: TTL, useValue: ttl }] };
      }
    }
    @Module({ imports: [CacheModule.forRoot(1)] })
    class UserModule {}
    @Module({ imports: [CacheModule.forRoot(2), UserModule] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_MODULE_DUPLICATE',
      'Duplicate module registration: CacheModule is registered twice with different configurations (by AppModule and by UserModule).',
    );
  });

  it('a class in imports that is not a module', async () => {
    @Module({ imports: [Mail as never] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_MODULE_NOT_A_MODULE',
      'AppModule.imports[0] is Mail, which is not a module (no @Module decorator)',
    );
  });

  it('a hook that throws is named and aborts the boot', async () => {
    @Injectable()
    class Db {
      onModuleInit(): void {
        throw new Error('connection refused');
      }
    }
    @Module({ providers: [Db] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_DI_HOOK_FAILED',
      'Db.onModuleInit failed: connection refused',
    );
  });
});
