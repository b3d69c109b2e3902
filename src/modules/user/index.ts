/** Public surface of the user module. */
export { users } from './user.entity.js';
export { UserEmailTakenError, UserNotFoundError } from './user.errors.js';
export { UserModule } from './user.module.js';
export type { CreateUser, UpdateUser, User, UserPage } from './user.schemas.js';
export { UserService } from './user.service.js';
export {
  USER_ADMIN_ROLE,
  USER_MODULE_OPTIONS,
  type UserModuleOptions,
  UserWritesGuard,
} from './user-writes.guard.js';
