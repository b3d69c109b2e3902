/** Boot-time wiring of gateways: guard resolution and path conflicts fail with a fix in the message. */
import { afterEach, describe, expect, it } from 'vitest';
import { type App, type CanActivate, createApp, Injectable, Module, UseGuards } from '#core';
import { WsModule } from '#infra/ws';
import { Gateway, Subscribe } from '../../../src/core/ws/index.js';
import { TestClient, wsBase } from './ws-test-client.js';

@Injectable()
class Policy {
  readonly allowed = new Set(['open']);
}

@Injectable()
class PolicyGuard implements CanActivate {
  constructor(private readonly policy: Policy) {}

  canActivate(context: Parameters<CanActivate['canActivate']>[0]): boolean {
    return this.policy.allowed.has(context.switchToWs().getEvent());
  }
}

class AllowAllGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

@Gateway('/ws')
@UseGuards(PolicyGuard)
class PolicyGateway {
  @Subscribe('open')
  open(): string {
    return 'opened';
  }

  @Subscribe('closed')
  @UseGuards(AllowAllGuard)
  closed(): string {
    return 'should not happen';
  }
}

let app: App | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('gateway boot', () => {
  it('uses a guard the module provides, with its dependencies injected', async () => {
    @Module({
      imports: [WsModule.forRoot({ origins: '*' })],
      providers: [Policy, PolicyGuard, PolicyGateway],
    })
    class ProvidedModule {}
    app = await createApp(ProvidedModule, { logger: false });
    const client = await TestClient.connect(`${wsBase(await app.listen())}/ws`);
    expect(await client.request({ event: 'open' })).toEqual({ event: 'open', data: 'opened' });
    expect(await client.request({ event: 'closed' })).toMatchObject({
      event: 'error',
      data: { code: 'FORBIDDEN' },
    });
    await client.close();
  });

  it('fails the boot naming the guard and the module when a guard with dependencies is not provided', async () => {
    @Module({ imports: [WsModule.forRoot({ origins: '*' })], providers: [Policy, PolicyGateway] })
    class MissingGuardModule {}
    await expect(createApp(MissingGuardModule, { logger: false })).rejects.toThrow(
      /Guard PolicyGuard of gateway PolicyGateway has constructor dependencies: add PolicyGuard to the providers of MissingGuardModule/,
    );
  });

  it('fails the boot when two gateways share a path', async () => {
    @Gateway('/ws')
    class OtherGateway {}
    @Module({
      imports: [WsModule.forRoot({ origins: '*' })],
      providers: [Policy, PolicyGuard, PolicyGateway, OtherGateway],
    })
    class ClashModule {}
    await expect(createApp(ClashModule, { logger: false })).rejects.toThrow(
      /PolicyGateway and OtherGateway both use the path \/ws/,
    );
  });

  it('refuses nonsensical module options with what to pass', () => {
    expect(() => WsModule.forRoot({ origins: '*', heartbeatMs: 0 })).toThrow(/heartbeatMs/);
    expect(() => WsModule.forRoot({ origins: 'https://a.example' as never })).toThrow(/origins/);
  });
});
