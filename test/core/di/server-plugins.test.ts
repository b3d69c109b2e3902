import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { describe, expect, it } from 'vitest';
import { type ConfiguresServer, Controller, createApp, Get, Injectable, Module } from '#core';

@Injectable()
class PoweredBy implements ConfiguresServer {
  async configureServer(server: FastifyInstance): Promise<void> {
    await server.register(
      fp(async (instance) => {
        instance.addHook('onSend', async (_req, reply) => {
          reply.header('x-powered-by', 'keel');
        });
        instance.decorate('answer', 42);
      }),
    );
  }
}

@Controller('/answer')
class AnswerController {
  @Get('/')
  get() {
    return { ok: true };
  }
}

describe('modules extend the Fastify server', () => {
  it('a provider with configureServer registers a plugin before routes are compiled', async () => {
    @Module({ providers: [PoweredBy] })
    class PluginModule {}
    @Module({ imports: [PluginModule], controllers: [AnswerController] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    const res = await app.inject('/answer');
    expect(res.headers['x-powered-by']).toBe('keel');
    expect((app.server as unknown as { answer: number }).answer).toBe(42);
    await app.close();
  });
});
