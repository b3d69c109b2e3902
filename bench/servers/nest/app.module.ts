/** Root module of `nest.server.ts`: one controller and its service. */
import { Module } from '@nestjs/common';
import { GreetingController } from './greeting.controller.js';
import { GreetingService } from './greeting.service.js';

/** The NestJS app of scenarios 1 and 2. */
@Module({ controllers: [GreetingController], providers: [GreetingService] })
export class AppModule {}
