/** The notification module: the `/ws` gateway (needs WsModule and, for @OnEvent, BusModule). */
import { Module } from '#core';
import { NotificationGateway } from './notification.gateway.js';
import { notificationMessages } from './notification.messages.js';

/** Import once (AppModule) next to `WsModule.forRoot(...)` and `BusModule.forRoot(...)`. */
@Module({ providers: [NotificationGateway], messages: [notificationMessages] })
export class NotificationModule {}
