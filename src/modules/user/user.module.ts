/** The user module: the example every generated module copies. */
import { type DynamicModule, Module } from '#core';
import { UserController } from './user.controller.js';
import { userMessages } from './user.messages.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';
import {
  USER_MODULE_OPTIONS,
  type UserModuleOptions,
  UserWritesGuard,
} from './user-writes.guard.js';

/** Needs the global database, cache and bus modules (wired in AppModule). */
@Module({
  controllers: [UserController],
  providers: [UserService, UserRepository, UserWritesGuard],
  exports: [UserService],
  messages: [userMessages],
})
export class UserModule {
  /** `UserModule.forRoot({ protectWrites: true })`: writes need the admin role (AUTH_PROTECT_EXAMPLES). */
  static forRoot(options: UserModuleOptions): DynamicModule {
    return { module: UserModule, providers: [{ provide: USER_MODULE_OPTIONS, useValue: options }] };
  }
}
