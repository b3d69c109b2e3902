/** Public surface of the notification module. */
export { NotificationGateway, USERS_ROOM } from './notification.gateway.js';
export { NotificationModule } from './notification.module.js';
export { RoomBody, UserCreatedPush } from './notification.schemas.js';
