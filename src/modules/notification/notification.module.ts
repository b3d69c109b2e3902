/** The notification module: the `/ws` gateway (needs WsModule and, for @OnEvent, BusModule). */
import { Module } from '#core';
import { NotificationGateway } from './notification.gateway.js';

/** Import once (AppModule) next to `WsModule.forRoot(...)` and `BusModule.forRoot(...)`. */
@Module({ providers: [NotificationGateway] })
export class NotificationModule {}
