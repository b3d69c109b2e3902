/** Routes take Fastify's own route options: config, constraints and route-level hooks. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type App,
  type CanActivate,
  type ConfiguresServer,
  Controller,
  createTestingModule,
  Get,
  Injectable,
  Post,
  Req,
  UseGuards,
} from '#core';

const calls: string[] = [];

class AllowGuard implements CanActivate {
  canActivate() {
    calls.push('guard');
    return true;
  }
}

@Controller('/opts')
class OptionsController {
  @Get('/config', { config: { rateLimit: { max: 5 } } })
  config(@Req() request: FastifyRequest) {
    return { config: request.routeOptions.config };
  }

  @Get('/versioned', { constraints: { version: '1.0.0' } })
  v1() {
    return { version: 1 };
  }

  @Get('/versioned', { constraints: { version: '2.0.0' } })
  v2() {
    return { version: 2 };
  }

  @Post('/hooked', {
    body: z.object({ n: z.number() }),
    onRequest: async () => {
      calls.push('onRequest');
    },
    preValidation: [
      async () => {
        calls.push('preValidation');
      },
    ],
    preHandler: async () => {
      calls.push('preHandler');
    },
    onSend: async (_request, reply, payload) => {
      reply.header('x-hooked', 'yes');
      return payload;
    },
  })
  @UseGuards(AllowGuard)
  hooked() {
    calls.push('handler');
    return { ok: true };
  }
}

/** A provider that registers a Fastify hook before the routes are compiled. */
@Injectable()
class PoweredBy implements ConfiguresServer {
  configureServer(server: FastifyInstance) {
    server.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-powered-by', 'keel');
      return payload;
    });
  }
}

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  calls.length = 0;
});

const build = () =>
  createTestingModule({ controllers: [OptionsController], providers: [PoweredBy] }).compile();

describe('Fastify route options', () => {
  it('passes route config through to request.routeOptions.config', async () => {
    app = await build();
    const res = await app.inject('/opts/config');
    expect(res.json()).toMatchObject({ config: { rateLimit: { max: 5 } } });
  });

  it('routes by version constraint (Accept-Version)', async () => {
    app = await build();
    const get = (version: string) =>
      app!.inject({ url: '/opts/versioned', headers: { 'accept-version': version } });
    expect((await get('1.x')).json()).toEqual({ version: 1 });
    expect((await get('2.0.0')).json()).toEqual({ version: 2 });
    expect((await get('3.0.0')).statusCode).toBe(404);
  });

  it('runs route hooks in Fastify order, guards before the route preValidation', async () => {
    app = await build();
    const res = await app.inject({ method: 'POST', url: '/opts/hooked', payload: { n: 1 } });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-hooked']).toBe('yes');
    expect(calls).toEqual(['onRequest', 'guard', 'preValidation', 'preHandler', 'handler']);
  });

  it('lets a ConfiguresServer provider add server hooks', async () => {
    app = await build();
    expect((await app.inject('/opts/config')).headers['x-powered-by']).toBe('keel');
  });
});
