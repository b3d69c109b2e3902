/** The HTTP layer's kernel errors: misplaced parameter decorators, wrong contexts, refused routes. */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { Body, Controller, createParamDecorator } from '#core';
import { httpContext, wsContext } from '../../../src/core/http/execution-context.js';
import { routeRejected } from '../../../src/core/http/http-kernel-errors.js';

describe('HTTP kernel errors', () => {
  it('a parameter decorator on a constructor names the class, the decorator and the position', () => {
    const CurrentUser = createParamDecorator(() => 'user');
    const define = () => {
      @Controller('/users')
      class UserController {
        constructor(@Body() readonly a: unknown) {}
      }
      return UserController;
    };
    expect(define).toThrow(
      expect.objectContaining({
        code: 'KEEL_HTTP_PARAM_ON_CONSTRUCTOR',
        message:
          'Parameter decorators apply to route methods, not constructors: UserController has a @Body() decorator on constructor parameter #1 (index 0).\n  Fix: move it to a parameter of a route method; the constructor receives providers by type or with @Inject(TOKEN).\n  See: docs/errors.md#keel_http_param_on_constructor',
      }),
    );
    expect(() => {
      class Custom {
        constructor(
          _a: unknown,
          @CurrentUser() readonly user: unknown,
        ) {}
      }
      return Custom;
    }).toThrow(/Custom has a custom parameter decorator on constructor parameter #2 \(index 1\)/);
  });

  it('switching to the other transport names the call site', () => {
    class ChatGateway {
      join(): void {}
    }
    const ws = wsContext(ChatGateway, ChatGateway.prototype.join, {
      client: {},
      data: {},
      event: 'join',
    });
    expect(() => ws.switchToHttp()).toThrow(
      expect.objectContaining({
        code: 'KEEL_HTTP_WRONG_CONTEXT',
        message: expect.stringContaining(
          'switchToHttp() called in a WebSocket context (gateway ChatGateway.join): check ctx.getType() first',
        ),
      }),
    );
    const http = httpContext(ChatGateway, ChatGateway.prototype.join, {} as never, {} as never);
    expect(() => http.switchToWs()).toThrow(
      expect.objectContaining({ code: 'KEEL_HTTP_WRONG_CONTEXT' }),
    );
  });

  it("a route Fastify refuses: a duplicate is a conflict, anything else invalid, Fastify's error the cause", () => {
    const server = Fastify();
    server.get('/users', () => 'a');
    let refused: unknown;
    try {
      server.get('/users', () => 'b');
    } catch (error) {
      refused = error;
    }
    const conflict = routeRejected('UserController', 'list', 'GET', '/users', refused);
    expect(conflict).toMatchObject({ code: 'KEEL_HTTP_ROUTE_CONFLICT', cause: refused });
    expect(conflict.message).toContain(
      "UserController.list: cannot register GET /users: Method 'GET' already declared for route '/users'",
    );
    const invalid = routeRejected('UserController', 'list', 'GET', '/users', new Error('bad'));
    expect(invalid).toMatchObject({ code: 'KEEL_HTTP_ROUTE_INVALID' });
    const kernel = routeRejected('A', 'b', 'GET', '/', conflict);
    expect(kernel).toBe(conflict);
  });
});
