/** The DI and module errors not covered by errors.test.ts: each asserted by code, text and link. */
import { describe, expect, it } from 'vitest';
import { createApp, forwardRef, Inject, Injectable, Module } from '#core';

const boot = (root: unknown, hookTimeoutMs?: number) =>
  createApp(root as never, { logger: false, ...(hookTimeoutMs ? { hookTimeoutMs } : {}) });

async function bootError(root: unknown, hookTimeoutMs?: number): Promise<Error> {
  return boot(root, hookTimeoutMs).then(
    () => Promise.reject(new Error('expected the boot to fail')),
    (error: Error) => error,
  );
}

function expectKeelError(error: Error, code: string, text: string): void {
  expect(error).toMatchObject({ code });
  expect(error.message).toContain(text);
  expect(error.message.endsWith(`\n  See: docs/errors.md#${code.toLowerCase()}`)).toBe(true);
}

@Injectable()
class Mail {}

describe('module errors', () => {
  it('a module listed twice in imports', async () => {
    @Module({})
    class MailModule {}
    @Module({ imports: [MailModule, MailModule] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_MODULE_DUPLICATE_IMPORT',
      'AppModule lists MailModule twice in its imports. Fix: keep one entry.',
    );
  });

  it('an undefined entry in exports', async () => {
    @Module({ exports: [undefined as never] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_MODULE_UNDEFINED_EXPORT',
      'AppModule has an undefined entry in its exports (a circular file import leaves that behind).',
    );
  });

  it('a module exported but not imported', async () => {
    @Module({})
    class MailModule {}
    @Module({ exports: [MailModule] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_MODULE_EXPORT_NOT_IMPORTED',
      'AppModule exports MailModule but does not import it. Fix: add MailModule to the imports of AppModule, or remove it from its exports.',
    );
  });
});

describe('provider errors', () => {
  it('an undefined entry in providers', async () => {
    @Module({ providers: [undefined as never] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_DI_UNDEFINED_PROVIDER',
      'AppModule has an undefined entry in its providers.',
    );
  });

  it('a provider object without provide, and one without a recipe', async () => {
    @Module({ providers: [{ useValue: 1 } as never] })
    class NoToken {}
    expectKeelError(
      await bootError(NoToken),
      'KEEL_DI_BAD_PROVIDER',
      'NoToken has a provider without `provide`: {"useValue":1}. Fix: write { provide: TOKEN, useClass | useValue | useFactory | useExisting }.',
    );
    @Module({ providers: [{ provide: Symbol('Ttl') } as never] })
    class NoRecipe {}
    expectKeelError(
      await bootError(NoRecipe),
      'KEEL_DI_BAD_PROVIDER',
      'NoRecipe: the provider for Ttl has none of useClass, useValue, useFactory or useExisting.',
    );
  });

  it('a class with constructor parameters and no decorator metadata', async () => {
    class Bare {
      constructor(readonly mail: Mail) {}
    }
    @Module({ providers: [Mail, Bare] })
    class AppModule {}
    expectKeelError(
      await bootError(AppModule),
      'KEEL_DI_MISSING_METADATA',
      'Cannot resolve Bare in AppModule: its constructor takes 1 parameter(s) but has no decorator metadata.\n  Fix: decorate Bare with @Injectable()',
    );
  });

  it('a forwardRef dependency used inside the constructor', async () => {
    @Injectable()
    class Ping {
      constructor(@Inject(forwardRef(() => Pong)) pong: { name(): string }) {
        pong.name();
      }
    }
    @Injectable()
    class Pong {
      constructor(@Inject(forwardRef(() => Ping)) ping: { toString(): string }) {
        ping.toString();
      }
      name(): string {
        return 'pong';
      }
    }
    @Module({ providers: [Ping, Pong] })
    class AppModule {}
    const error = await bootError(AppModule);
    expect(error).toMatchObject({ code: 'KEEL_DI_FORWARD_REF_NOT_READY' });
    expect(error.message).toMatch(
      /^(Ping used Pong|Pong used Ping) \(injected with forwardRef\) inside its constructor/,
    );
  });

  it('app.get of a token no module provides', async () => {
    @Module({ providers: [Mail] })
    class AppModule {}
    const app = await boot(AppModule);
    try {
      expect(() => app.get(Symbol('Nope'))).toThrow(
        expect.objectContaining({
          code: 'KEEL_DI_UNKNOWN_TOKEN',
          message:
            'app.get(Nope): no provider provided by any module. Fix: add it to the providers of a module (and export it to reach it from AppModule).\n  See: docs/errors.md#keel_di_unknown_token',
        }),
      );
    } finally {
      await app.close();
    }
  });

  it('a hook that overruns the hook timeout: HOOK_FAILED caused by HOOK_TIMEOUT', async () => {
    @Injectable()
    class Slow {
      onModuleInit(): Promise<void> {
        return new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    @Module({ providers: [Slow] })
    class AppModule {}
    const error = await bootError(AppModule, 20);
    expectKeelError(
      error,
      'KEEL_DI_HOOK_FAILED',
      'Slow.onModuleInit failed: Slow.onModuleInit did not finish within 20 ms (hook timeout).\n  Fix: bound the slow work inside Slow.onModuleInit',
    );
    expect(error.cause).toMatchObject({ code: 'KEEL_DI_HOOK_TIMEOUT' });
    expect(error.message.match(/See:/g)).toHaveLength(1);
  });
});
