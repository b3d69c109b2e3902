/** The `/ws` gateway: clients join and leave rooms; members of `users` hear about new users. */
import type { Logger } from 'pino';
import {
  Gateway,
  Inject,
  LOGGER,
  OnEvent,
  Public,
  Subscribe,
  WS_SERVER,
  type WsClient,
  type WsServer,
} from '#core';
import { RoomBody, UserCreatedPush } from './notification.schemas.js';

/** The room that receives `user.created`. */
export const USERS_ROOM = 'users';

/** Room membership over WebSocket and the `user.created` push. */
@Public()
@Gateway('/ws')
export class NotificationGateway {
  constructor(
    @Inject(WS_SERVER) private readonly ws: WsServer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** `{ event: 'join', data: { room } }`; answers `{ event: 'join', data: { room } }`. */
  @Subscribe('join', { schema: RoomBody })
  join({ room }: RoomBody, client: WsClient): RoomBody {
    client.join(room);
    return { room };
  }

  /** `{ event: 'leave', data: { room } }`; answers `{ event: 'leave', data: { room } }`. */
  @Subscribe('leave', { schema: RoomBody })
  leave({ room }: RoomBody, client: WsClient): RoomBody {
    client.leave(room);
    return { room };
  }

  /**
   * Every process receives the bus event, so each pushes to its own connections only
   * (`ws.local`); fanning out again would deliver it once per process.
   */
  @OnEvent('user.created')
  async onUserCreated(payload: unknown): Promise<void> {
    const parsed = UserCreatedPush.safeParse(payload);
    if (!parsed.success) {
      this.logger.warn({ event: 'user.created' }, 'user.created without a string id: not pushed');
      return;
    }
    await this.ws.local.to(USERS_ROOM).emit('user.created', parsed.data);
  }
}
