/** @Gateway and @Subscribe store what the WebSocket adapter reads, and refuse misuse early. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  GATEWAY_KEY,
  Gateway,
  type GatewayMetadata,
  Subscribe,
  subscriptionsOf,
} from '../../../src/core/ws/index.js';

describe('@Gateway', () => {
  it('stores the path (default /ws) and options on the class', () => {
    @Gateway()
    class DefaultGateway {}
    @Gateway('/chat', { name: 'chat' })
    class ChatGateway {}
    expect(Reflect.getMetadata(GATEWAY_KEY, DefaultGateway)).toEqual({ path: '/ws', options: {} });
    expect(Reflect.getMetadata(GATEWAY_KEY, ChatGateway) as GatewayMetadata).toEqual({
      path: '/chat',
      options: { name: 'chat' },
    });
  });

  it('refuses a path without a leading slash', () => {
    expect(() => Gateway('ws')).toThrow(
      expect.objectContaining({
        code: 'KEEL_WS_BAD_GATEWAY_PATH',
        message: expect.stringMatching(/must start with "\/"/),
      }),
    );
  });
});

describe('@Subscribe', () => {
  it('lists every subscription with its method and schema', () => {
    const schema = z.object({ room: z.string() });
    class RoomGateway {
      @Subscribe('join', { schema })
      join(): void {}

      @Subscribe('ping')
      ping(): void {}
    }
    expect(subscriptionsOf(RoomGateway)).toEqual([
      { event: 'join', methodName: 'join', schema },
      { event: 'ping', methodName: 'ping' },
    ]);
  });

  it("lets a subclass replace an inherited event's handler without touching the parent", () => {
    class BaseGateway {
      @Subscribe('ping')
      ping(): void {}

      @Subscribe('echo')
      echo(): void {}
    }
    class LoudGateway extends BaseGateway {
      @Subscribe('ping')
      shout(): void {}
    }
    expect(subscriptionsOf(LoudGateway)).toEqual([
      { event: 'ping', methodName: 'shout' },
      { event: 'echo', methodName: 'echo' },
    ]);
    expect(subscriptionsOf(BaseGateway).map((sub) => sub.methodName)).toEqual(['ping', 'echo']);
  });

  it('refuses the same event on two methods of one class', () => {
    expect(() => {
      class TwiceGateway {
        @Subscribe('join')
        a(): void {}

        @Subscribe('join')
        b(): void {}
      }
      return TwiceGateway;
    }).toThrow(
      expect.objectContaining({
        code: 'KEEL_WS_DUPLICATE_SUBSCRIPTION',
        message: expect.stringContaining('"join" is subscribed twice'),
      }),
    );
  });

  it('refuses an empty event and the reserved "error" event', () => {
    expect(() => Subscribe('')).toThrow(/non-empty event name/);
    expect(() => Subscribe('error')).toThrow(
      expect.objectContaining({
        code: 'KEEL_WS_BAD_EVENT_NAME',
        message: expect.stringContaining('other than "error"'),
      }),
    );
  });
});
