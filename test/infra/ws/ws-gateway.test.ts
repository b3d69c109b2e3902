/** Gateways over a real socket: hooks, handlers, error frames, guards and request context. */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  APP_GUARD,
  type App,
  type CanActivate,
  ConflictError,
  createApp,
  type ExecutionContext,
  Injectable,
  Module,
  UseGuards,
} from '#core';
import { WsModule } from '#infra/ws';
import { RequestContext } from '../../../src/core/context/request-context.js';
import {
  Gateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  Subscribe,
  type WsClient,
  type WsHandshake,
} from '../../../src/core/ws/index.js';
import { TestClient, wsBase } from './ws-test-client.js';

const events: string[] = [];
const seenTypes: string[] = [];

class DenyGuard implements CanActivate {
  canActivate(): boolean {
    return false;
  }
}

@Injectable()
class RecordingAppGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    seenTypes.push(`${context.getType()}:${context.switchToWs().getEvent()}`);
    return true;
  }
}

@Gateway('/echo')
class EchoGateway implements OnGatewayConnection, OnGatewayDisconnect {
  handleConnection(client: WsClient, request: WsHandshake): void {
    events.push(`connect:${client.id}:${request.query.tag ?? ''}`);
    client.data.set('tag', request.query.tag);
  }

  handleDisconnect(client: WsClient): void {
    events.push(`disconnect:${client.id}`);
  }

  @Subscribe('echo')
  echo(data: unknown): unknown {
    return data;
  }

  @Subscribe('whoami')
  whoami(_data: unknown, client: WsClient): unknown {
    return { id: client.id, tag: client.data.get('tag') };
  }

  @Subscribe('sum', { schema: z.strictObject({ a: z.number(), b: z.number() }) })
  sum({ a, b }: { a: number; b: number }): number {
    return a + b;
  }

  @Subscribe('silent')
  silent(): void {}

  @Subscribe('context')
  context(): unknown {
    const current = RequestContext.current();
    return { requestId: current?.requestId, lang: current?.lang };
  }

  @Subscribe('conflict')
  conflict(): never {
    throw new ConflictError();
  }

  @Subscribe('crash')
  crash(): never {
    throw new Error('secret internals: password=hunter2');
  }

  @Subscribe('secret')
  @UseGuards(DenyGuard)
  secret(): string {
    return 'never';
  }
}

@Module({
  imports: [WsModule.forRoot({ origins: '*' })],
  providers: [EchoGateway, { provide: APP_GUARD, useClass: RecordingAppGuard }],
})
class EchoModule {}

let app: App | undefined;
const clients: TestClient[] = [];

async function connect(query = '', headers: Record<string, string> = {}): Promise<TestClient> {
  if (!app) {
    app = await createApp(EchoModule, { logger: false });
    await app.listen();
  }
  const url = `${wsBase(app.server.listeningOrigin)}/echo${query}`;
  const client = await TestClient.connect(url, { headers });
  clients.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await app?.close();
  app = undefined;
  events.length = 0;
  seenTypes.length = 0;
});

describe('WebSocket gateway', () => {
  it('runs handleConnection with the handshake, then handleDisconnect when the client leaves', async () => {
    const client = await connect('?tag=blue');
    const { data } = await client.request({ event: 'whoami' });
    const { id, tag } = data as { id: string; tag: string };
    expect(tag).toBe('blue');
    expect(events).toEqual([`connect:${id}:blue`]);
    await client.close();
    await expect.poll(() => events).toEqual([`connect:${id}:blue`, `disconnect:${id}`]);
  });

  it("answers a handler's return value as { event, data } and stays silent for undefined", async () => {
    const client = await connect();
    expect(await client.request({ event: 'echo', data: { hello: 'world' } })).toEqual({
      event: 'echo',
      data: { hello: 'world' },
    });
    client.send({ event: 'silent' });
    expect(await client.request({ event: 'sum', data: { a: 2, b: 3 } })).toEqual({
      event: 'sum',
      data: 5,
    });
  });

  it('answers INVALID_JSON for a bad frame and keeps the socket open', async () => {
    const client = await connect();
    const error = await client.request('{not json');
    expect(error).toMatchObject({ event: 'error', data: { code: 'INVALID_JSON' } });
    expect((error.data as { message: string }).message).toMatch(/^The frame is not valid JSON/);
    expect(await client.request({ event: 'echo', data: 1 })).toEqual({ event: 'echo', data: 1 });
  });

  it('refuses __proto__ keys as INVALID_JSON', async () => {
    const client = await connect();
    const error = await client.request('{"event":"echo","data":{"__proto__":{"admin":true}}}');
    expect(error).toMatchObject({ event: 'error', data: { code: 'INVALID_JSON' } });
  });

  it('answers VALIDATION_FAILED for a frame without a string event', async () => {
    const client = await connect();
    const error = await client.request({ event: 42, data: 'x' });
    expect(error).toMatchObject({
      event: 'error',
      data: { code: 'VALIDATION_FAILED', details: [{ path: 'event' }] },
    });
    expect(await client.request({ event: 'echo', data: 2 })).toEqual({ event: 'echo', data: 2 });
  });

  it('answers UNKNOWN_EVENT in the language negotiated on the upgrade', async () => {
    const client = await connect('?lang=es');
    const error = await client.request({ event: 'nope' });
    expect(error).toEqual({
      event: 'error',
      data: {
        code: 'UNKNOWN_EVENT',
        message: 'No hay ningún manejador para el evento "nope". Compruebe el nombre.',
      },
    });
    expect(await client.request({ event: 'echo', data: 3 })).toEqual({ event: 'echo', data: 3 });
  });

  it('answers VALIDATION_FAILED with details for data failing the schema, not a dropped socket', async () => {
    const client = await connect();
    const error = await client.request({ event: 'sum', data: { a: 'one', b: 2, c: 3 } });
    expect(error.event).toBe('error');
    const data = error.data as { code: string; details: Array<{ path: string }> };
    expect(data.code).toBe('VALIDATION_FAILED');
    expect(data.details.map((detail) => detail.path).sort()).toEqual(['data', 'data.a']);
    expect(await client.request({ event: 'sum', data: { a: 1, b: 2 } })).toEqual({
      event: 'sum',
      data: 3,
    });
  });

  it('answers FORBIDDEN when a guard says no, after the app guard saw a ws context', async () => {
    const client = await connect();
    expect(await client.request({ event: 'secret' })).toMatchObject({
      event: 'error',
      data: { code: 'FORBIDDEN' },
    });
    expect(seenTypes).toEqual(['ws:secret']);
  });

  it("answers an HttpError's code, and INTERNAL without internals for anything else", async () => {
    const client = await connect();
    expect(await client.request({ event: 'conflict' })).toMatchObject({
      event: 'error',
      data: { code: 'CONFLICT' },
    });
    const internal = await client.request({ event: 'crash' });
    expect(internal).toMatchObject({ event: 'error', data: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('hunter2');
    expect(await client.request({ event: 'echo', data: 4 })).toEqual({ event: 'echo', data: 4 });
  });

  it("runs handlers inside the connection's request context", async () => {
    const client = await connect('?lang=pt-BR');
    const first = await client.request({ event: 'context' });
    const second = await client.request({ event: 'context' });
    expect(first.data).toMatchObject({ lang: 'pt-BR' });
    expect((first.data as { requestId: string }).requestId).toMatch(/\S+/);
    expect(second.data).toEqual(first.data);
  });

  it("carries the upgrade request's x-request-id into every frame's context", async () => {
    const client = await connect('', { 'x-request-id': 'trace-42' });
    expect(await client.request({ event: 'context' })).toEqual({
      event: 'context',
      data: { requestId: 'trace-42', lang: 'en' },
    });
  });
});
