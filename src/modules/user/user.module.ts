/** The user module: the example every generated module copies. */
import { Module } from '#core';
import { UserController } from './user.controller.js';
import { userMessages } from './user.messages.js';
import { UserRepository } from './user.repository.js';
import { UserService } from './user.service.js';

/** Needs the global database, cache and bus modules (wired in AppModule). */
@Module({
  controllers: [UserController],
  providers: [UserService, UserRepository],
  exports: [UserService],
  messages: [userMessages],
})
export class UserModule {}
